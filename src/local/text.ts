/** Text normalisation and small string helpers shared by the local engine. Pure functions, no I/O. */

/** A bounded memo for pure string → value functions (the same lines are re-read by every stage). */
/**
 * Remembers a function of a string. Bounded by entries and by the characters of the keys held
 * (whole resumes are keys too): a long-running worker's memory stays flat, whatever it reads.
 */
export function memo<T>(fn: (s: string) => T, maxEntries = 4000, maxChars = 2_000_000): (s: string) => T {
  const cache = new Map<string, T>();
  let chars = 0;
  return (s: string): T => {
    const hit = cache.get(s);
    if (hit !== undefined) return hit;
    const v = fn(s);
    if (s.length > maxChars / 4) return v;
    if (cache.size >= maxEntries || chars + s.length > maxChars) {
      cache.clear();
      chars = 0;
    }
    cache.set(s, v);
    chars += s.length;
    return v;
  };
}

/** Zero-width and bidi-control characters that carry no content. */
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\u00AD]/g;
/** Very long lines are cut so that no regex ever runs on pathological input. */
export const MAX_LINE = 2000;
/** The engine looks at no more than this many characters of any single text. */
export const MAX_TEXT = 120_000;

const BULLET_SPACE = /^(\s*(?:[•●▪◦‣∙·►▶➤➢➣➔→✓✔☑■□◆◇❖♦○⁃∘*+–-]|\d{1,2}[.)]))[ \t]+/;

/**
 * Normalises a document: NFC, invisible characters removed, CRLF → LF, non-breaking and exotic spaces → space,
 * tab runs between words → " | " (tabular resumes separate columns with tabs), trailing space trimmed.
 */
export function normalizeText(input: unknown): string {
  let text = typeof input === 'string' ? input : input == null ? '' : String(input);
  if (text.length > MAX_TEXT) text = text.slice(0, MAX_TEXT);
  try {
    text = text.normalize('NFC');
  } catch {
    /* lone surrogates: keep as is */
  }
  text = text
    .replace(INVISIBLE, '')
    .replace(/\r\n?/g, '\n')
    .replace(/[\u00A0\u2000-\u200A\u202F\u205F\u3000]/g, ' ');
  return text
    .split('\n')
    .map((line) => {
      let l = line.length > MAX_LINE ? line.slice(0, MAX_LINE) : line;
      if (!l.includes('\t')) {
        // The same steps for a line without a tab (most lines), skipping those that need one.
        l = l.replace(BULLET_SPACE, '$1 ');
        if (l.includes('|')) l = l.replace(/(?:\s\|){2,}\s/g, ' | ');
        return l.replace(/\s+$/, '');
      }
      l = l
        .replace(BULLET_SPACE, '$1 ') // a bullet followed by a tab
        .replace(/^\t+/, '  ')
        .replace(/[ \t]*\t[ \t]*\|[ \t]*|[ \t]*\|[ \t]*\t[ \t]*/g, ' | ') // "a\t|\tb"
        .replace(/(\S)[ ]*\t+[ \t]*(?=\S)/g, '$1 | ')
        .replace(/\t/g, ' ')
        .replace(/(?:\s\|){2,}\s/g, ' | ');
      return l.replace(/\s+$/, '');
    })
    .join('\n');
}

export function lines(text: string): string[] {
  return normalizeText(text).split('\n');
}

export function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export function unique<T>(items: Iterable<T>): T[] {
  return [...new Set(items)];
}

/** Case-insensitive unique, keeping the first spelling. */
export function uniqueCI(items: Iterable<string>): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const item of items) {
    const k = item.toLowerCase();
    if (!item || seen.has(k)) continue;
    seen.add(k);
    out.push(item);
  }
  return out;
}

/** Strips markdown emphasis, heading hashes, links and surrounding punctuation from a line. */
export const stripMarkdown = memo(stripMarkdownUncached);

function stripMarkdownUncached(line: string): string {
  return line
    .replace(/^\s{0,3}#{1,6}\s*/, '')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__)(.*?)\1/g, '$2')
    .replace(/(^|[\s(])[*_]([^*_\s][^*_]*?)[*_](?=[\s),.;:!?]|$)/g, '$1$2')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/^\s*>\s?/, '')
    .trim();
}

/** Bullet glyphs resumes use (Word, PDF copies, markdown), numbers (`1.`, `2)`) and letters (`a)`). */
const BULLET = /^\s*(?:(?:[•●▪◦‣∙·►▶➤➢➣➔→✓✔☑■□◆◇❖♦○⁃∘\-*+–]|\d{1,2}[.)]|[a-z][.)])\s+|・\s*)/;

export function isBullet(line: string): boolean {
  return BULLET.test(line);
}

export function stripBullet(line: string): string {
  return line.replace(BULLET, '').trim();
}

/** A light, deterministic token key for fuzzy comparisons: lower case, letters/digits only. */
export const normKey = memo(normKeyUncached);

function normKeyUncached(s: string): string {
  return s
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/&/g, ' and ')
    .replace(/[^\p{L}\p{N}+#]+/gu, ' ')
    .trim();
}

const STOP = new Set(
  'a an and the of for to in on at by with from as into over under via per or our my your their his her its is are was were be been being this that these those it we i you they he she using use used across within while than then also more most new'.split(
    ' ',
  ),
);

/** Light stemming so that "reduced"/"reducing"/"reduces" meet. */
export function stem(word: string): string {
  let w = word;
  if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length > 4 && w.endsWith('ied')) w = w.slice(0, -3) + 'y';
  else if (w.length > 4 && w.endsWith('ed')) w = w.slice(0, -2);
  else if (w.length > 4 && w.endsWith('es')) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
  if (w.length > 4 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

/** Content tokens (stemmed, stop words removed). */
export const contentTokens = memo(contentTokensUncached);

function contentTokensUncached(s: string): string[] {
  return normKey(s)
    .split(' ')
    .filter((t) => t && !STOP.has(t))
    .map(stem);
}

/** Share of `a`'s content tokens found in `b` (0..1). */
export function containment(a: string, b: string | Set<string>): number {
  const ta = contentTokens(a);
  if (ta.length === 0) return 0;
  const tb = typeof b === 'string' ? new Set(contentTokens(b)) : b;
  let hit = 0;
  for (const t of ta) if (tb.has(t)) hit++;
  return hit / ta.length;
}

export function capitalize(s: string): string {
  return s ? s.charAt(0).toUpperCase() + s.slice(1) : s;
}

export function lowerFirst(s: string): string {
  if (!s) return s;
  // keep acronyms and proper nouns ("API", "Kubernetes") as they are
  if (/^[A-Z][A-Z0-9]/.test(s)) return s;
  const first = s.split(/\s/)[0];
  if (/[A-Z]/.test(first.slice(1))) return s;
  return s.charAt(0).toLowerCase() + s.slice(1);
}

/** Joins a list in English: "a", "a and b", "a, b and c". */
export function englishList(items: string[], conj = 'and'): string {
  if (items.length === 0) return '';
  if (items.length === 1) return items[0];
  return `${items.slice(0, -1).join(', ')} ${conj} ${items[items.length - 1]}`;
}

/** Share of letters in the text that are Latin (used to lower confidence on scripts the engine does not read). */
export function latinShare(text: string): number {
  const letters = text.match(/\p{L}/gu);
  if (!letters || letters.length === 0) return 0;
  let latin = 0;
  for (const ch of letters) if (/\p{Script=Latin}/u.test(ch)) latin++;
  return latin / letters.length;
}

/** Rounds to two decimals (confidences). */
export function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

export function clamp(n: number, lo: number, hi: number): number {
  return Number.isFinite(n) ? Math.min(hi, Math.max(lo, n)) : lo;
}

/** Splits a paragraph into sentences (naive, deterministic). */
export function sentences(text: string): string[] {
  // no split after abbreviations ("St. Joseph's", "Dr. Petrova", "Acme Inc. in") or initials ("J. Smith")
  return text
    .split(/(?<=[.!?])(?<!\b(?:St|Dr|Mr|Mrs|Ms|Mx|Prof|Inc|Ltd|Co|Corp|Jr|Sr|vs|etc|No|Mt|Ft|e\.g|i\.e|[A-Z])\.)\s+(?=[A-Z0-9"“(])/)
    .map((s) => s.trim())
    .filter(Boolean);
}

