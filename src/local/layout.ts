/**
 * Layout recovery before parsing: what copying a resume out of a PDF does to it, undone.
 *
 * - Two columns read into one stream (each row holds a piece of the main column and a piece of the sidebar, far
 *   apart): the rows are cut at the column boundary and the sidebar is read after the main column (its lines
 *   before its first heading, usually contact lines, right after the main column's preamble).
 * - Text without line breaks (one long line holding the whole resume): segmented by the separators it kept
 *   (`||`, runs of spaces), by headings (a known section name in capitals or followed by a colon), by bullet
 *   glyphs, and around date ranges: the role header before a range starts where its run of capitalised words
 *   starts ("… PostgreSQL and GraphQL Software Engineer — Ibotta (Aug 2017 – Jan 2021)" → "Software Engineer —
 *   Ibotta (Aug 2017 – Jan 2021)"), and the description after it goes on a line of its own.
 * Lines are only moved or cut, never rewritten: every character of the input is still there.
 */
import { findDateRanges } from './dates.js';
import { looksLikeTitle } from './experience.js';
import { headingOf, sectionKind } from './sections.js';
import { findSkills } from './skills.js';

export function recoverLayout(lines: string[]): string[] {
  const cols = deinterleaveColumns(lines);
  return cols.some(isFlat) ? cols.flatMap((l) => (isFlat(l) ? segmentFlat(l) : [l])) : cols;
}

// ---- two columns ----

const GAP = /\S( {3,})(?=\S)/g;

/** The column where a sidebar starts, when enough rows put text there after a wide gap; else null. */
function sidebarColumn(lines: string[]): number | null {
  const votes = new Map<number, number>();
  for (const l of lines) {
    if (l.length < 30) continue;
    const lead = /^ {20,}(?=\S)/.exec(l);
    const starts = new Set<number>();
    if (lead) starts.add(lead[0].length);
    for (const m of l.matchAll(GAP)) starts.add((m.index ?? 0) + 1 + m[1].length);
    for (const s of starts) if (s >= 28) votes.set(s, (votes.get(s) ?? 0) + 1);
  }
  let best: number | null = null;
  let bestN = 0;
  for (const [col, n] of votes) {
    const near = n + (votes.get(col - 1) ?? 0) + (votes.get(col + 1) ?? 0);
    if (near > bestN || (near === bestN && best !== null && col < best)) [best, bestN] = [col, near];
  }
  if (best === null || bestN < 4) return null;
  // most rows with a sidebar piece must not be right-aligned dates ("PFIZER INC.        2017 – Present")
  const rightPieces = lines.map((l) => cut(l, best!)?.[1]).filter((r): r is string => !!r);
  const dates = rightPieces.filter((r) => findDateRanges(r).length > 0).length;
  return dates * 2 >= rightPieces.length ? null : best;
}

/** Splits a row at the column (±2) when a gap of 2+ spaces sits just before it. */
function cut(line: string, col: number): [string, string] | null {
  for (const c of [col, col - 1, col + 1, col - 2, col + 2]) {
    if (c <= 0 || c >= line.length) continue;
    if (/\S/.test(line[c]) && /^ {2,}$/.test(line.slice(Math.max(0, c - 2), c)) && (c < 2 || line.slice(0, c).trim() === '' || / {2,}$/.test(line.slice(0, c)))) {
      return [line.slice(0, c).trimEnd(), line.slice(c).trim()];
    }
  }
  return null;
}

export function deinterleaveColumns(lines: string[]): string[] {
  const col = sidebarColumn(lines);
  if (col === null) return lines;
  const left: string[] = [];
  const right: string[] = [];
  for (const l of lines) {
    const c = cut(l, col);
    if (!c) left.push(l);
    else {
      if (c[0].trim()) left.push(c[0]);
      right.push(c[1]);
    }
  }
  const firstRightHeading = right.findIndex((l, i) => headingOf(l, right[i + 1]) !== null);
  const head = firstRightHeading === -1 ? right : right.slice(0, firstRightHeading);
  const tail = firstRightHeading === -1 ? [] : right.slice(firstRightHeading);
  const leftHeading = left.findIndex((l, i) => i > 0 && headingOf(l, left[i + 1]) !== null);
  const at = leftHeading === -1 ? left.length : leftHeading;
  return [...left.slice(0, at), ...head, '', ...left.slice(at), ...(tail.length ? ['', ...tail] : [])];
}

// ---- text without line breaks ----

function isFlat(line: string): boolean {
  return line.length > 250 && findDateRanges(line).length >= 2;
}

const BULLET_GLYPH = /\s+(?=[•●▪■➢✓✔◦►▶➤❖◆]\s)/g;

export function segmentFlat(line: string): string[] {
  let pieces = line.includes('||') ? line.split(/\s*\|\|\s*/) : (line.match(/\S {2,}(?=\S)/g) ?? []).length >= 6 ? line.split(/ {2,}/) : [line];
  pieces = pieces.flatMap(splitHeadings);
  pieces = pieces.flatMap((p) => p.split(BULLET_GLYPH));
  pieces = pieces.flatMap(splitAtRoles);
  return pieces.map((p) => p.trim()).filter((p) => p && !/^[\s|,;:·–—-]*$/.test(p));
}

interface Tok {
  text: string;
  start: number;
  end: number;
}
function tokens(s: string): Tok[] {
  return [...s.matchAll(/\S+/g)].map((m) => ({ text: m[0], start: m.index ?? 0, end: (m.index ?? 0) + m[0].length }));
}

/** Cuts a piece before and after each heading it holds: "… PROFESSIONAL SUMMARY B2B sales …", "… Education: MA …". */
function splitHeadings(piece: string): string[] {
  if (piece.length < 60) return [piece];
  const toks = tokens(piece);
  const cuts: [number, number][] = [];
  for (let i = 0; i < toks.length; i++) {
    for (let n = Math.min(4, toks.length - i); n >= 1; n--) {
      const from = toks[i].start;
      const to = toks[i + n - 1].end;
      const phrase = piece.slice(from, to);
      const bare = phrase.replace(/[:：]$/, '');
      if (!/^\p{L}/u.test(bare) || !/\p{L}$/u.test(bare)) continue;
      const colon = bare !== phrase || /^\s*[:：]/.test(piece.slice(to));
      const caps = /\p{Lu}/u.test(bare) && bare === bare.toUpperCase() && bare.replace(/[^\p{L}]/gu, '').length >= 4;
      if (!caps && !(colon && /^\p{Lu}/u.test(bare))) continue;
      if (!sectionKind(bare)) continue;
      // a capitalised run holding the heading ("EXPERIENCE UX Designer" is fine, "WORK EXPERIENCE" must be whole)
      cuts.push([from, to + (colon && bare === phrase ? (/^\s*[:：]/.exec(piece.slice(to))?.[0].length ?? 0) : 0)]);
      i += n - 1;
      break;
    }
  }
  if (cuts.length === 0) return [piece];
  const out: string[] = [];
  let at = 0;
  for (const [a, b] of cuts) {
    out.push(piece.slice(at, a));
    out.push(piece.slice(a, b));
    at = b;
  }
  out.push(piece.slice(at));
  return out;
}

const CONNECTOR = /^(?:of|and|&|at|de|du|des|la|le|el|da|do|di|del|der|für|und|y|for|in|the|@|[|/—–-]|\(|\))$/i;
const ABBREVIATION = /^(?:St|Inc|Ltd|Co|Corp|Dr|Jr|Sr|Mt|Pvt|Bros|No|[A-Z])\.$|^(?:[A-Z]\.){2,}$|\.(?:com|io|org|net)$/;
const SENIORITY = /^(?:senior|junior|lead|staff|principal|sr\.?|jr\.?|chief|head|associate|assistant)$/i;

/** Where, in the text before a date range, the role header begins. */
function headerStart(before: string): number {
  const toks = tokens(before);
  let first = toks.length;
  for (let i = toks.length - 1; i >= 0 && toks.length - i <= 14; i--) {
    const t = toks[i].text;
    const core = t.replace(/^[("'“]+|[),;'”]+$/g, '');
    if (/[.:;!?]$/.test(t) && !ABBREVIATION.test(t) && i < toks.length - 1) break; // a sentence ends here
    if (/^[•●▪■➢✓✔◦►▶➤❖◆]$/.test(t)) break;
    if (!core || CONNECTOR.test(core) || /^\p{Lu}/u.test(core) || /^\d/.test(core)) first = i;
    else break;
  }
  while (first < toks.length && CONNECTOR.test(toks[first].text.replace(/[(),]/g, '') || '-')) first++;
  if (first >= toks.length) return before.length;
  // the title part ends at the first separator; trim words before its title word that are skills ("… GraphQL Software Engineer")
  const run = toks.slice(first);
  const sep = run.findIndex((t, k) => k > 0 && (/[,|]$/.test(t.text) || /^(?:[—–|@-]|at)$/i.test(t.text)));
  const titlePart = run.slice(0, sep === -1 ? run.length : sep + (/[,|]$/.test(run[sep].text) ? 1 : 0));
  const ti = titlePart.findIndex((t) => looksLikeTitle(t.text));
  if (ti > 0) {
    let k = ti;
    while (k > 0 && ti - k < 3) {
      const w = titlePart[k - 1].text;
      if (CONNECTOR.test(w) || !/^\p{Lu}/u.test(w)) break;
      if (findSkills(w).length > 0 && !(k >= 2 && SENIORITY.test(titlePart[k - 2].text))) break;
      k--;
    }
    return run[k].start;
  }
  return run[0].start;
}

/** Cuts a piece around each date range: the header before it on a line of its own, the description after it on another. */
function splitAtRoles(piece: string): string[] {
  const ranges = findDateRanges(piece);
  if (ranges.length === 0) return [piece];
  const cutsAt = new Set<number>();
  for (const r of ranges) {
    const before = piece.slice(0, r.index);
    const lastCut = Math.max(0, ...[...cutsAt].filter((c) => c <= r.index));
    const hs = lastCut + headerStart(before.slice(lastCut).replace(/[\s(]+$/, ''));
    if (hs > lastCut && /\S/.test(piece.slice(lastCut, hs).replace(/[\s•●▪■➢✓✔◦►▶➤❖◆|,;:·–—-]/g, ''))) cutsAt.add(hs);
    // the description after the dates (and a closing parenthesis, a colon, a full stop) starts a line
    const tail = /^\s*\)?[\s.,:;|–—-]*/.exec(piece.slice(r.index + r.raw.length))?.[0] ?? '';
    const after = r.index + r.raw.length + tail.length;
    const rest = piece.slice(after);
    const words = rest.split(/\s+/).filter(Boolean);
    if (words.length >= 3 && !(ranges.some((x) => x.index >= after && x.index - after < 12))) cutsAt.add(after);
  }
  const sorted = [...cutsAt].filter((c) => c > 0 && c < piece.length).sort((a, b) => a - b);
  const out: string[] = [];
  let at = 0;
  for (const c of sorted) {
    out.push(piece.slice(at, c));
    at = c;
  }
  out.push(piece.slice(at));
  return out;
}
