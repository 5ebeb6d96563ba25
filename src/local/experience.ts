/**
 * Experience entries: `Title — Company`, `Company | Title`, `Title at Company`, `Title, Company`, header lines
 * split over two lines, dates anywhere in the header (same line, own line, parentheses), bullets (`•`, `-`, `*`,
 * numbered) or paragraph descriptions.
 */
import { findDateRanges, findDates, isDateLine, type DateValue } from './dates.js';
import { isBullet, stripBullet, stripMarkdown } from './text.js';

export interface ParsedExperience {
  title: string;
  company: string;
  start: DateValue | null;
  end: DateValue | null;
  /** The date text exactly as the resume wrote it ('' when none). */
  dateText: string;
  location: string;
  bullets: string[];
  /** The raw header lines (for provenance). */
  header: string[];
}

const TITLE_WORDS =
  /\b(?:engineer(?:ing)?|developer|programmer|architect|manager|director|lead|head|chief|officer|vp|vice president|president|founder|co-?founder|cto|ceo|cfo|coo|cmo|analyst|scientist|designer|researcher|consultant|specialist|associate|assistant|coordinator|administrator|admin|representative|rep|executive|accountant|controller|auditor|nurse|rn|physician|doctor|therapist|technician|technologist|pharmacist|clinician|intern|internship|trainee|apprentice|teacher|instructor|professor|lecturer|tutor|editor|writer|strategist|owner|partner|principal|staff|senior|junior|sr|jr|fellow|advisor|adviser|agent|planner|buyer|recruiter|marketer|producer|operator|supervisor|clerk|bookkeeper|banker|trader|underwriter|actuary|economist|paralegal|attorney|lawyer|counsel|sde|swe|devops|sre|qa|tester|steward|medic|paramedic|practitioner|dietitian|midwife|surgeon|dentist|hygienist|aide|caregiver|cashier|barista|chef|cook|server|driver|mechanic|electrician|volunteer|contractor|freelancer|freelance|member|team member|generalist|evangelist|advocate|liaison|investigator)s?\b/i;

const COMPANY_HINTS = /\b(?:inc|llc|ltd|gmbh|ag|corp|corporation|co|company|group|labs?|technologies|technology|systems|solutions|software|bank|capital|partners|hospital|clinic|health|healthcare|medical|university|college|school|institute|agency|studio|studios|ventures|holdings|consulting|foundation|ministry|department|council|services|networks|media|games|retail|pharma|bio|sa|bv|plc|pty|oy|ab|as)\b\.?/i;

const LOCATION_HINTS =
  /^(?:remote|hybrid|on-?site|(?:[A-Z][a-zA-Z.]+(?:\s[A-Z][a-zA-Z.]+)?,\s*(?:[A-Z]{2}|[A-Z][a-z]+(?:\s[A-Z][a-z]+)?))|(?:new york|london|berlin|paris|san francisco|seattle|boston|austin|chicago|toronto|amsterdam|munich|dublin|singapore|sydney|bangalore|bengaluru|tokyo|madrid|lisbon|zurich|stockholm|remote \(.*\)))$/i;

export function looksLikeTitle(s: string): boolean {
  return TITLE_WORDS.test(s);
}

export function looksLikeLocation(s: string): boolean {
  const t = s.trim();
  return LOCATION_HINTS.test(t) || /^(?:remote|hybrid)\b/i.test(t);
}

function clean(s: string): string {
  return stripMarkdown(s)
    .replace(/^[\s|,;:·•–—-]+|[\s|,;:·•–—-]+$/g, '')
    .replace(/^\((.*)\)$/, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Splits a header (dates already removed) into title, company, location. */
export function splitHeader(text: string): { title: string; company: string; location: string } {
  let t = clean(text.replace(/\(\s*\)/g, ' '));
  let location = '';
  if (!t) return { title: '', company: '', location };
  // strip a trailing "(Remote)" / "(Berlin)" parenthetical
  const paren = /\s*\(([^()]*)\)\s*$/.exec(t);
  if (paren && paren.index > 0 && (looksLikeLocation(paren[1]) || paren[1].split(/\s+/).length <= 3)) {
    location = paren[1]; // "(Remote)", "(part-time)", "(SaaS)": kept as the entry's note
    t = t.slice(0, paren.index).trim();
  }
  // primary separators
  let parts = t.split(/\s+[—–|]\s+|\s*\|\s*|\s+-\s+|\s+·\s+|\s+•\s+|\s+@\s+/).map(clean).filter(Boolean);
  if (parts.length === 1) {
    const at = /^(.+?)\s+at\s+(.+)$/i.exec(t);
    if (at && looksLikeTitle(at[1])) parts = [at[1], at[2]];
    else {
      const comma = t.split(/\s*,\s*/).map(clean).filter(Boolean);
      if (comma.length >= 2 && !/^(?:inc|llc|ltd|co)\.?$/i.test(comma[1])) parts = comma;
    }
  } else if (parts.length >= 2) {
    // "Title at Company | City" → expand the "at"
    const expanded: string[] = [];
    for (const p of parts) {
      const at = /^(.+?)\s+at\s+(.+)$/i.exec(p);
      if (at && looksLikeTitle(at[1]) && !looksLikeTitle(at[2])) expanded.push(at[1], at[2]);
      else expanded.push(p);
    }
    parts = expanded;
  }
  // locations out (keep at least two parts when possible)
  const kept: string[] = [];
  for (const p of parts) {
    if (kept.length >= 1 && looksLikeLocation(p) && !location) location = p;
    else if (kept.length >= 2 && parts.length > 2 && !looksLikeTitle(p)) location = location || p;
    else kept.push(p);
  }
  // "Company, City" in the company part
  if (kept.length === 1) {
    return looksLikeTitle(kept[0]) ? { title: kept[0], company: '', location } : { title: '', company: kept[0], location };
  }
  const [a, b] = kept;
  const aTitle = looksLikeTitle(a);
  const bTitle = looksLikeTitle(b);
  const sepIsPipe = /\|/.test(t) && !/[—–]/.test(t);
  let title: string;
  let company: string;
  if (aTitle && !bTitle) [title, company] = [a, b];
  else if (bTitle && !aTitle) [title, company] = [b, a];
  else if (COMPANY_HINTS.test(a) && !COMPANY_HINTS.test(b)) [title, company] = [b, a];
  else if (COMPANY_HINTS.test(b) && !COMPANY_HINTS.test(a)) [title, company] = [a, b];
  else if (sepIsPipe && !aTitle) [title, company] = [b, a];
  else [title, company] = [a, b];
  company = company.replace(/,\s*(?:[A-Z][a-z]+(?:\s[A-Z][a-z]+)?,\s*)?[A-Z]{2}$/, '').trim(); // "Acme, Austin, TX"
  return { title, company, location };
}

interface Block {
  header: string[];
  bullets: string[];
}

/** Is this a header-ish line (short, not a sentence) rather than a description paragraph? */
function headerish(line: string): boolean {
  const s = stripMarkdown(line);
  if (!s) return false;
  if (/^#{3,6}\s/.test(line.trim())) return true;
  if (findDateRanges(s).length > 0) return s.length <= 160;
  if (isDateLine(s)) return true;
  const words = s.split(/\s+/).length;
  if (words > 12) return false;
  // sentences are descriptions: a final full stop (not "Inc.") or an opening past-tense verb ("Wrote 40 articles")
  if (/[.!?]$/.test(s) && !/\b(?:inc|ltd|co|corp|llc|plc|jr|sr|s\.a|e\.v)\.$/i.test(s)) return false;
  if (/^(?:[A-Z][a-z]+ed|Led|Built|Ran|Wrote|Grew|Drove|Won|Sold|Taught|Made|Set|Cut|Oversaw|Began|Held|Kept|Spearheaded|Managing|Leading|Building|Developing|Responsible)\b/.test(s) && !looksLikeTitle(s.split(/\s+/).slice(0, 3).join(' '))) return false;
  return true;
}

/** Parses the lines of an experience section into entries. */
export function parseExperienceLines(lines: string[]): ParsedExperience[] {
  const blocks: Block[] = [];
  let cur: Block | null = null;
  let blankBefore = false;
  const dated = (b: Block): boolean => b.header.some((h) => findDateRanges(h).length > 0 || isDateLine(stripMarkdown(h)));
  for (const raw of lines) {
    const line = raw.replace(/\s+$/, '');
    if (!line.trim()) {
      blankBefore = true;
      continue;
    }
    const bullet = isBullet(line) && !/^\s*-{3,}/.test(line);
    const md3 = /^\s*#{3,6}\s/.test(line);
    if (!bullet && headerish(line)) {
      const hasDate = findDateRanges(stripMarkdown(line)).length > 0 || isDateLine(stripMarkdown(line));
      const startNew =
        !cur ||
        md3 ||
        cur.bullets.length > 0 ||
        (hasDate && dated(cur) && cur.header.length > 0) ||
        (blankBefore && cur.header.length > 0 && dated(cur) && !hasDate);
      if (startNew) {
        cur = { header: [line], bullets: [] };
        blocks.push(cur);
      } else cur!.header.push(line);
    } else if (cur) {
      if (bullet) cur.bullets.push(stripBullet(line));
      else if (cur.bullets.length > 0 && !blankBefore && /^\s{2,}/.test(raw)) cur.bullets[cur.bullets.length - 1] += ' ' + line.trim();
      else cur.bullets.push(stripMarkdown(line.trim()));
    } else {
      cur = { header: [], bullets: [bullet ? stripBullet(line) : line.trim()] };
      blocks.push(cur);
    }
    blankBefore = false;
  }
  const out: ParsedExperience[] = [];
  for (const b of blocks) {
    const e = parseBlock(b);
    if (e) out.push(e);
  }
  // a block with no header at all (bullets before any entry) attaches to nothing: keep it as an untitled entry only
  return out;
}

function parseBlock(b: Block): ParsedExperience | null {
  let start: DateValue | null = null;
  let end: DateValue | null = null;
  let dateText = '';
  const rest: string[] = [];
  for (const h of b.header) {
    let s = stripMarkdown(h);
    if (!dateText) {
      const r = findDateRanges(s)[0];
      if (r) {
        start = r.start;
        end = r.end;
        dateText = r.raw;
        s = s.replace(r.raw, ' ');
      } else if (isDateLine(s)) {
        const d = findDates(s)[0];
        if (d) {
          start = d;
          end = null;
          dateText = s.match(/(?:[A-Za-z]+\.?\s+)?(?:19|20)\d\d(?:[-/.]\d{1,2})?/)?.[0]?.trim() ?? String(d.year);
          s = s.replace(dateText, ' ');
        }
      }
    }
    s = s.replace(/\(\s*\)/g, ' ').replace(/\s+/g, ' ').replace(/^[\s|,·•–—-]+|[\s|,·•–—-]+$/g, '').trim();
    if (s) rest.push(s);
  }
  let title = '';
  let company = '';
  let location = '';
  const useful = rest.filter((r) => !looksLikeLocation(r) || rest.length === 1);
  const locLine = rest.find((r) => looksLikeLocation(r) && rest.length > 1);
  if (useful.length === 1) ({ title, company, location } = splitHeader(useful[0]));
  else if (useful.length >= 2) {
    const first = splitHeader(useful[0]);
    if (first.title && first.company) {
      ({ title, company, location } = first);
      if (!location) location = useful.slice(1).join(', ');
    }
    else {
      const second = splitHeader(useful[1]);
      const a = clean(useful[0]);
      const bb = clean(useful[1]);
      // two lines: one is the title, the other the company (either order)
      if (looksLikeTitle(a) && !looksLikeTitle(bb)) [title, company] = [a, second.company || bb];
      else if (looksLikeTitle(bb) && !looksLikeTitle(a)) [title, company] = [bb, first.company || a];
      else [company, title] = [a, bb];
      location = first.location || second.location;
    }
  }
  if (!location && locLine) location = locLine;
  if (!title && !company && b.bullets.length === 0) return null;
  if (!title && !company && !dateText) return null;
  return { title, company, start, end, dateText, location, bullets: b.bullets.filter(Boolean), header: b.header };
}
