/**
 * Experience entries: `Title — Company`, `Company | Title`, `Title at Company`, `Title, Company`, header lines
 * split over two lines, dates anywhere in the header (same line, own line, parentheses), bullets (`•`, `-`, `*`,
 * numbered) or paragraph descriptions.
 */
import { findDateRanges, findDates, isDateLine, type DateValue } from './dates.js';
import { isBullet, memo, stripBullet, stripMarkdown } from './text.js';

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
  /\b(?:engineer(?:ing)?|developer|programmer|architect|manager|director|lead|head|chief|officer|vp|vice president|president|founder|co-?founder|cto|ceo|cfo|coo|cmo|analyst|scientist|designer|researcher|consultant|specialist|associate|assistant|coordinator|administrator|admin|representative|rep|executive|accountant|controller|auditor|nurse|rn|physician|doctor|therapist|technician|technologist|pharmacist|clinician|intern|internship|trainee|apprentice|teacher|instructor|professor|lecturer|tutor|editor|writer|strategist|owner|partner|principal|staff|senior|junior|sr|jr|fellow|advisor|adviser|agent|planner|buyer|recruiter|marketer|producer|operator|supervisor|clerk|bookkeeper|banker|trader|underwriter|actuary|economist|paralegal|attorney|lawyer|counsel|sde|swe|devops|sre|qa|tester|steward|medic|paramedic|practitioner|dietitian|midwife|surgeon|dentist|hygienist|aide|caregiver|cashier|barista|chef|cook|server|driver|mechanic|electrician|volunteer|contractor|freelancer|freelance|member|team member|generalist|evangelist|advocate|liaison|investigator|counsel+or|plumber|welder|helper|journeyman|sergeant|soldier|corporal|lieutenant|captain|teller|candidate|postdoc(?:toral)?|receptionist|solicitor|barrister|commis|sous|worker|leader|handler|machinist|carpenter|fitter|installer|foreman|superintendent|inspector|surveyor|estimator|dispatcher|merchandiser|stylist|housekeeper|attendant|bartender|waiter|waitress|concierge|guard|firefighter|constable|pilot|optometrist|radiographer|sonographer|phlebotomist|nutritionist|psychologist|psychiatrist|headteacher|educator|librarian|translator|interpreter|journalist|reporter|photographer|animator|illustrator|artist|trainer|coach|secretary|broker|realtor|appraiser|adjuster|scheduler|storekeeper|picker|packer|labou?rer|janitor|custodian|cleaner|painter|electrician|lineman|ingeniero|ingénieur|desarrollador|développeur|desenvolvedor|analista|responsable|gerente|jefe|directeur|consultor|praktikant|werkstudent|lehrer|enfermer[ao]|infirmi[eè]re|profesora?|docente|kaiako)s?\b/i;

/** German compounds carry the title word at the end ("Softwareentwickler", "Projektleiterin"). */
const TITLE_SUFFIX = /\p{L}(?:entwickler|ingenieur|leiter|berater|referent|manager|verk[aä]ufer)(?:in)?\b/iu;

const COMPANY_HINTS = /\b(?:inc|llc|ltd|gmbh|ag|corp|corporation|co|company|group|labs?|technologies|technology|systems|solutions|software|bank|capital|partners|hospital|clinic|health|healthcare|medical|university|college|school|institute|agency|studio|studios|ventures|holdings|consulting|foundation|ministry|department|council|services|networks|media|games|retail|pharma|bio|sa|bv|plc|pty|oy|ab|as|llp|limited|pvt|pjsc|se|nv|spa|srl|sarl|kk|trust|infirmary|academy|centre|center|army|navy|air force|restaurant|restaurants|hotel|hotels|enterprises|industries|manufacturing|logistics|laboratories|council|authority)\b\.?/i;

const CITIES =
  'new york|london|berlin|paris|san francisco|seattle|boston|austin|chicago|toronto|amsterdam|munich|dublin|singapore|sydney|bangalore|bengaluru|tokyo|madrid|lisbon|zurich|stockholm|hamburg|mumbai|pune|chennai|hyderabad|delhi|new delhi|gurugram|gurgaon|noida|kolkata|kochi|dubai|abu dhabi|riyadh|lagos|nairobi|johannesburg|cape town|melbourne|brisbane|perth|auckland|montreal|montréal|vancouver|lyon|milan|milano|barcelona|são paulo|sao paulo|mexico city|bogotá|bogota|manila|quezon city|jakarta|kraków|krakow|warsaw|istanbul|cairo|leeds|manchester|bristol|cardiff|glasgow|edinburgh|denver|houston|atlanta|dallas|los angeles|miami|washington|oslo|copenhagen|helsinki|vienna|prague|brussels|rome|remote \\(.*\\)';
const LOCATION_HINTS = new RegExp(
  `^(?:remote|hybrid|on-?site|(?:\\p{Lu}[\\p{L}.'’-]+(?:\\s\\p{Lu}[\\p{L}.'’-]+)?,\\s*(?:[A-Z]{2,3}|\\p{Lu}\\p{Ll}+(?:\\s\\p{Lu}\\p{Ll}+)?))|(?:${CITIES})(?:,\\s*\\p{L}+(?:\\s\\p{L}+)?)?)$`,
  'iu',
);
const CITY = new RegExp(`^(?:${CITIES})$`, 'i');
const CORPORATE_SUFFIX = /^(?:inc|llc|ltd|co|corp|plc|gmbh|s\.?a|pty\.? ltd|limited|l\.?p)\.?$/i;

/**
 * The employer on a line known to name it: "Plante Moran, Cleveland, OH" → Plante Moran (Cleveland, OH);
 * "Plomberie Gagnon & Fils — Montréal, QC" → Plomberie Gagnon & Fils; "Rakuten Group, Inc." stays whole;
 * "Tusla – Child and Family Agency" stays whole (what follows the dash is no place).
 */
export function companyLine(line: string): { company: string; location: string } {
  const s = clean(line);
  // "Northern Star Resources — FIFO 8/6 roster", "Acme — Montréal, QC": after a separator, a place or a short note
  const sep = /^(.+?)\s+[—–|•·-]\s+(.+)$/.exec(s);
  if (sep && !COMPANY_HINTS.test(sep[2]) && (looksLikeLocation(sep[2]) || CITY.test(sep[2].split(/\s*,\s*/)[0]) || sep[2].split(/\s+/).length <= 3)) {
    return { company: companyLine(sep[1]).company, location: sep[2] };
  }
  const parts = s.split(/\s*,\s*/).filter(Boolean);
  if (parts.length < 2) return { company: s, location: '' };
  // cut before the first part that starts the place, or right after a corporate suffix ("Next plc, St David's Centre")
  for (let k = 1; k < parts.length; k++) {
    if (CORPORATE_SUFFIX.test(parts[k])) continue;
    const rest = parts.slice(k).join(', ');
    const suffixBefore = /\b(?:inc|llc|ltd|plc|llp|gmbh|corp|limited|pty|ag|se|sa)\.?$/i.test(parts[k - 1]);
    if (suffixBefore || CITY.test(parts[k]) || looksLikeLocation(rest) || /^[A-Z]{2,3}$/.test(parts[k])) return { company: parts.slice(0, k).join(', '), location: rest };
  }
  // "Acme Widgets, Springfield": a last part of one or two capitalised words that names no organisation is a place
  const last = parts[parts.length - 1];
  if (/^\p{Lu}\p{Ll}+(?:\s\p{Lu}\p{Ll}+)?$/u.test(last) && !COMPANY_HINTS.test(last) && parts.length === 2) return { company: parts[0], location: last };
  return { company: s, location: '' };
}

/** Does the text hold a job-title word? (Memoised: every header part is asked several times.) */
export const looksLikeTitle = memo((s: string): boolean => TITLE_WORDS.test(s) || TITLE_SUFFIX.test(s));

/** Does the text name an organisation (a company suffix or an institution word)? */
export function looksLikeCompany(s: string): boolean {
  return COMPANY_HINTS.test(s);
}

export const looksLikeLocation = memo(looksLikeLocationUncached);

function looksLikeLocationUncached(s: string): boolean {
  const t = s.trim();
  if (/^(?:remote|hybrid)\b/i.test(t)) return true;
  // "Vice President, Equity Research" has the shape of "Austin, Texas" but names a role
  return LOCATION_HINTS.test(t) && !looksLikeTitle(t);
}

/** "Worked as a", "Currently working as an", "Served as": the role is what follows. */
const WORKED_AS = /^(?:currently\s+)?(?:worked|working|served|serving|employed|engaged|hired)\s+as\s+(?:an?\s+)?(?=\S)/i;
/** Connectors left behind when the dates are cut out ("… at Acme between", "… from"). */
const DANGLING = /\s+(?:between|from|since|during|in|for|of|on|dated)$/i;

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
  // "Worked as a Survey Researcher at Acme", "Currently working as Research Manager with Kora"
  if (WORKED_AS.test(t)) t = t.replace(WORKED_AS, '').replace(/^(.+?)\s+(?:with|for|in)\s+(?=\p{Lu})/u, '$1 at ');
  // strip a trailing "(Remote)" / "(Berlin)" parenthetical; "(Senior Backend Developer)" is part of the title
  const paren = /\s*\(([^()]*)\)\s*$/.exec(t);
  // "(DKFZ)" is the organisation's acronym, part of its name
  if (paren && paren.index > 0 && !/^[A-Z][A-Z0-9&]{1,7}$/.test(paren[1]) && (looksLikeLocation(paren[1]) || (paren[1].split(/\s+/).length <= 3 && !looksLikeTitle(paren[1])))) {
    location = paren[1]; // "(Remote)", "(part-time)", "(SaaS)": kept as the entry's note
    t = t.slice(0, paren.index).trim();
  }
  // primary separators
  // "Swiggy: Senior Product Manager" separates with a colon too
  let parts = t.split(/\s+[—–|]\s+|\s*\|\s*|\s+-\s+|\s+·\s+|\s+•\s+|\s+@\s+|(?<=\p{L}):\s+/u).map(clean).filter(Boolean);
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
    // "Senior Software Engineer — Guild Education, Denver": after a title, "X, City" is the employer and its city
    if (kept.length >= 1 && kept.every(looksLikeTitle) && p.includes(',') && !location && !CITY.test(p.split(/\s*,\s*/)[0]) && !looksLikeTitle(p)) {
      const c = companyLine(p);
      kept.push(c.company);
      location = c.location;
    } else if (kept.length >= 1 && looksLikeLocation(p) && !location) location = p;
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
  /** Lines that may name the title, the employer, the dates or the location. */
  header: string[];
  bullets: string[];
  /** The role's lines as written, for provenance (label lines included). */
  raw: string[];
  /** Values of labelled lines: `Company: X`, `Designation: Y`, `Location: Z`. */
  fields: { company?: string; title?: string; location?: string };
}

/** `Company:`/`Designation:`/`Duration:` blocks (Indian and Gulf resumes, forms): the label says what the value is. */
const FIELD_LABELS: [keyof Block['fields'] | 'dates', RegExp][] = [
  ['company', /^(?:company(?:\s+name)?|employer|organi[sz]ation|firm|institution|workplace|name of (?:the )?(?:company|employer|organi[sz]ation))$/i],
  ['title', /^(?:designation|role|position|job\s+title|title|post|job\s+role|position\s+held)$/i],
  ['dates', /^(?:duration|period|dates?|tenure|employment\s+dates|time\s+period|from\s*[-–]\s*to|working\s+period)$/i],
  ['location', /^(?:location|place|city|based\s+in|work\s+location)$/i],
];
/** Label lines inside a role that describe it and are never its employer or title. */
const CONTENT_LABEL =
  /^(?:(?:key\s+|main\s+|major\s+)?responsibilities|roles?\s*(?:&|and)\s*responsibilities|(?:main\s+|key\s+)?duties|(?:key\s+)?achievements|accomplishments|highlights|environment|technologies|technology|tech(?:nology)?\s+stack|stack|tools(?:\s+used)?|skills(?:\s+used)?|key\s+skills|client|project(?:\s+name)?|projects|team\s+size|scope|key\s+work|description|job\s+description|summary|reporting\s+to|reports\s+to|industry|domain|platforms?|software|methodolog(?:y|ies)|products?|tasks|contribution|role\s+description|functions)$/i;
const NARRATIVE_LABEL = /responsibilit|duties|achievements|accomplishments|highlights|description|summary|tasks|contribution|functions/i;
const LABEL_LINE = /^([\p{L}][\p{L} &/()'’-]{0,34}?)\s*[:：]\s*(.*)$/u;

/** A labelled line: which field it fills, or that it is content (or a bare sub-heading to drop). */
function labelOf(line: string): { kind: 'company' | 'title' | 'dates' | 'location' | 'content'; value: string } | null {
  const m = LABEL_LINE.exec(stripMarkdown(line.trim()));
  if (!m) return null;
  const label = m[1].trim();
  const value = m[2].trim();
  for (const [kind, re] of FIELD_LABELS) if (re.test(label)) return { kind, value };
  // "Responsibilities: Built X" is the bullet "Built X"; "Team size: 12" keeps its label, or "12" says nothing
  if (CONTENT_LABEL.test(label)) return { kind: 'content', value: !value || NARRATIVE_LABEL.test(label) ? value : `${label}: ${value}` };
  // any other short "Label: text" line without dates is content ("Key skills: SPSS, Stata")
  if (value && label.split(/\s+/).length <= 3 && findDateRanges(line).length === 0 && !looksLikeTitle(label)) return { kind: 'content', value: `${label}: ${value}` };
  return null;
}

/**
 * A role written as a bullet or a numbered line: `1. Junior Systems Admin (2019 - 2023)`,
 * `- Worked as a Survey Researcher at Acme between 2013 and 2016`, `• HR Business Partner, Emirates NBD — Oct 2019 – Present`.
 */
function isRoleLine(text: string): boolean {
  const r = findDateRanges(text)[0];
  if (!r) return false;
  const rest = clean(text.replace(r.raw, ' ').replace(/\(\s*\)/g, ' ')).replace(DANGLING, '');
  if (!rest || rest.split(/\s+/).length > 14) return false;
  if (WORKED_AS.test(rest)) return true;
  return headerish(rest) && !/[.;]\s/.test(rest) && (looksLikeTitle(rest) || COMPANY_HINTS.test(rest));
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
  const open = (first: string | null, raw: string): Block => {
    const b: Block = { header: first === null ? [] : [first], bullets: [], raw: [raw], fields: {} };
    blocks.push(b);
    return b;
  };
  for (const raw of lines) {
    const line = raw.replace(/\s+$/, '');
    if (!line.trim()) {
      blankBefore = true;
      continue;
    }
    let bullet = isBullet(line) && !/^\s*-{3,}/.test(line);
    let text = line;
    if (bullet && isRoleLine(stripBullet(line))) {
      bullet = false;
      text = stripBullet(line);
    }
    const label = bullet ? null : labelOf(text);
    if (label) {
      if (label.kind === 'content') {
        if (label.value) (cur ?? (cur = open(null, raw))).bullets.push(label.value);
        else if (cur) cur.raw.push(raw);
      } else if (label.kind === 'dates') {
        if (!cur || cur.bullets.length > 0 || dated(cur)) cur = open(label.value, raw);
        else {
          cur.header.push(label.value);
          cur.raw.push(raw);
        }
      } else {
        const k = label.kind;
        if (!cur || cur.fields[k] !== undefined || (k !== 'location' && cur.bullets.length > 0)) cur = open(null, raw);
        else cur.raw.push(raw);
        cur.fields[k] = label.value;
      }
      blankBefore = false;
      continue;
    }
    // "Registered Dental Hygienist:" — a header written with a colon
    if (!bullet && /[:：]\s*$/.test(text) && !/^\s*#/.test(text)) text = text.replace(/\s*[:：]\s*$/, '');
    const md3 = /^\s*#{3,6}\s/.test(text);
    if (!bullet && headerish(text)) {
      const hasDate = findDateRanges(stripMarkdown(text)).length > 0 || isDateLine(stripMarkdown(text));
      const startNew =
        !cur ||
        md3 ||
        cur.bullets.length > 0 ||
        (hasDate && dated(cur) && cur.header.length > 0) ||
        (blankBefore && cur.header.length > 0 && dated(cur) && !hasDate) ||
        // a finished header (its last line the dates) followed by the next role's title or employer, with no blank line
        (!hasDate &&
          cur.header.length >= 2 &&
          isDateLine(stripMarkdown(cur.header[cur.header.length - 1])) &&
          !looksLikeLocation(stripMarkdown(text)) &&
          (looksLikeTitle(text) || COMPANY_HINTS.test(text) || /\s[—–|·•@]\s/.test(text)));
      if (startNew) cur = open(text, raw);
      else {
        cur!.header.push(text);
        cur!.raw.push(raw);
      }
    } else if (cur) {
      if (bullet) cur.bullets.push(stripBullet(line));
      else if (cur.bullets.length > 0 && !blankBefore && /^\s{2,}/.test(raw)) cur.bullets[cur.bullets.length - 1] += ' ' + line.trim();
      else cur.bullets.push(stripMarkdown(line.trim()));
    } else {
      cur = { header: [], bullets: [bullet ? stripBullet(line) : line.trim()], raw: [raw], fields: {} };
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
    s = s.replace(/\(\s*(?:present|current)\s*\)/gi, ' ').replace(/\(\s*\)/g, ' ').replace(/\s+/g, ' ').replace(/^[\s|,·•–—-]+|[\s|,·•–—-]+$/g, '').replace(DANGLING, '').trim();
    if (s) rest.push(s);
  }
  let title = '';
  let company = '';
  let location = '';
  let useful = rest.filter((r) => !looksLikeLocation(r) || rest.length === 1);
  let locLine = rest.find((r) => looksLikeLocation(r) && rest.length > 1);
  // a title line and an "Otto Group, Hamburg" line: the city-shaped line names the employer unless it starts with a city
  if (useful.length === 1 && locLine && looksLikeTitle(useful[0]) && locLine.includes(',') && !CITY.test(locLine.split(/\s*,\s*/)[0]) && !looksLikeTitle(locLine)) {
    useful = rest.filter((r) => r === useful[0] || r === locLine);
    locLine = undefined;
  }
  if (useful.length === 1) ({ title, company, location } = splitHeader(useful[0]));
  else if (useful.length >= 2) {
    const first = splitHeader(useful[0]);
    const a0 = clean(useful[0]);
    const b0 = clean(useful[1]);
    const org = (x: string): boolean => COMPANY_HINTS.test(x) && !looksLikeTitle(x);
    if (org(b0) && !org(a0) && looksLikeTitle(a0) && !/\s[—–|]\s/.test(a0)) {
      // "Senior Associate, Corporate M&A" over "Clifford Chance LLP": the second line is the employer
      ({ company, location } = companyLine(b0));
      title = a0;
    } else if (org(a0) && !org(b0) && looksLikeTitle(b0) && !/\s[—–|]\s/.test(b0)) {
      ({ company, location } = companyLine(a0));
      title = b0;
    } else if (looksLikeTitle(a0) && !looksLikeTitle(b0) && !first.company) {
      // a title line, then the employer's line ("Plante Moran, Cleveland, OH")
      ({ company, location } = companyLine(b0));
      title = a0;
    } else if (first.title && first.company) {
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
  // labelled fields say exactly what they hold
  const f = b.fields;
  if (f.title !== undefined || f.company !== undefined) {
    const other = [title, company].filter(Boolean).join(', ');
    if (f.title !== undefined && f.company !== undefined) [title, company] = [clean(f.title), clean(f.company)];
    else if (f.title !== undefined) [title, company] = [clean(f.title), other && other !== clean(f.title) ? splitHeader(useful.join(', ')).company || clean(useful.join(', ')) : ''];
    else [title, company] = [useful.length ? splitHeader(useful.join(', ')).title : '', clean(f.company!)];
  }
  if (f.location) location = clean(f.location);
  if (!title && !company && b.bullets.length === 0) return null;
  if (!title && !company && !dateText) return null;
  return { title, company, start, end, dateText, location, bullets: b.bullets.filter(Boolean), header: b.raw };
}
