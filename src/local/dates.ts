/**
 * Dates and date ranges as resumes write them, and experience-years arithmetic.
 *
 * The grammar (one date token, most specific first):
 * - `2/1/2012` month/day/year (the first number is the day only when it cannot be a month: `15/09/2008`),
 *   `01.03.2020` day.month.year;
 * - a month name or abbreviation (English, and the German, French, Spanish, Portuguese and Italian ones resumes
 *   use) with a year: `Jan 2020`, `Sept. 2019`, `Jan/2021`, `janv. 2019`, `Fev/2018`, `Sept '19`, `Jan-19`,
 *   `March 15, 2019`, `15 March 2019`; the short foreign forms that are also words (`set`, `out`, `ago`…) only
 *   with `/`, `.` or `-` before the year;
 * - a season with a year (`Summer 2015`), `2019-03`, `03/2018`, `3.2018`, `2017`;
 * - "now" words: `Present`, `Current`, `Now`, `Today`, `Ongoing`, `to date`, `till date`, `heute`, `atual`,
 *   `actualidad`, `aujourd'hui`, `oggi`…
 * Ranges: two dates joined by `–`, `—`, `-`, `to`, `until`, `till`, `through`, `bis`, `à`, `au`, `até`;
 * `between 2013 and 2016`; open ranges `since 2020`, `from 2020`, `September 2017 onwards`, `2019 –` at the end of
 * a line, all until Present. Two-digit years (`'19`) read as 2000–2050 or 1951–1999.
 */
import { memo } from './text.js';

export interface DateValue {
  /** 'YYYY-MM', 'YYYY' or 'Present'. */
  value: string;
  year: number;
  /** 1..12, or null when only the year is known. */
  month: number | null;
  present: boolean;
}

export interface DateRange {
  start: DateValue | null;
  end: DateValue | null;
  /** The exact text of the range in the source. */
  raw: string;
  index: number;
}

const MONTH_NAMES: [number, string[]][] = [
  [1, ['january', 'jan', 'januar', 'jänner', 'janvier', 'janv', 'enero', 'ene', 'janeiro', 'gennaio']],
  [2, ['february', 'feb', 'februar', 'février', 'fevrier', 'févr', 'fevr', 'fév', 'febrero', 'fevereiro', 'fev', 'febbraio']],
  [3, ['march', 'mar', 'märz', 'maerz', 'mär', 'mrz', 'mars', 'marzo', 'março', 'marco']],
  [4, ['april', 'apr', 'avril', 'avr', 'abril', 'abr', 'aprile']],
  [5, ['may', 'mai', 'mayo', 'maio', 'maggio', 'mag']],
  [6, ['june', 'jun', 'juni', 'juin', 'junio', 'junho', 'giugno', 'giu']],
  [7, ['july', 'jul', 'juli', 'juillet', 'juil', 'julio', 'julho', 'luglio', 'lug']],
  [8, ['august', 'aug', 'août', 'aout', 'agosto', 'ago']],
  [9, ['september', 'sept', 'sep', 'septembre', 'septiembre', 'setiembre', 'setembro', 'set', 'settembre']],
  [10, ['october', 'oct', 'oktober', 'okt', 'octobre', 'octubre', 'outubro', 'out', 'ottobre', 'ott']],
  [11, ['november', 'nov', 'novembre', 'noviembre', 'novembro']],
  [12, ['december', 'dec', 'dezember', 'dez', 'décembre', 'decembre', 'déc', 'diciembre', 'dic', 'dezembro', 'dicembre']],
];
/** Month words that are also ordinary words in some language: accepted only as `set/2018`, `out.2019`, `ago-2017`. */
const WORDLIKE = new Set(['set', 'out', 'ago', 'mag', 'giu', 'lug', 'ott', 'gen', 'ene', 'dic', 'mai', 'mar', 'dez', 'fev', 'abr', 'mars', 'mayo', 'dec']);
const MONTHS = new Map<string, number>();
for (const [n, names] of MONTH_NAMES) for (const w of names) MONTHS.set(w, n);
/**
 * A month word: a known three-letter stem and up to seven letters more. The regexes stay small (fast to compile
 * and run); `monthOf` checks the word is a month, and a scan that meets a non-month ("Marketing 2019") retries one
 * character further on.
 */
const STEMS = [...new Set([...MONTHS.keys()].map((w) => w.slice(0, 3)))].sort();
const MONTH_RE = `(?:${STEMS.join('|')})[a-zà-ÿ]{0,7}`;
const YEAR_RE = '(?:19[5-9]\\d|20\\d\\d)';
const PRESENT_RE =
  "(?:present|current(?:ly)?|now|today|ongoing|to date|till date|till now|until now|date|heute|aktuell|atual(?:mente)?|actualidad|actualmente|actual|presente|aujourd['’]hui|oggi|idag|nu)";
const SEASON_RE = '(?:spring|summer|fall|autumn|winter)';
const DAY_RE = '(?:0?[1-9]|[12]\\d|3[01])';
/** One date token. Order matters: most specific first. */
const DATE_RE = [
  `\\d{1,2}[/.]\\d{1,2}[/.]${YEAR_RE}`,
  `${DAY_RE}(?:st|nd|rd|th)?\\s+${MONTH_RE}\\.?,?\\s+${YEAR_RE}`,
  `${MONTH_RE}\\.?(?:\\s+${DAY_RE}(?:st|nd|rd|th)?,)?\\s*(?:[/.,-]\\s*)?(?:'?${YEAR_RE}|['’]\\d\\d|(?<=[/-])\\d\\d)(?![\\d])`,
  `${SEASON_RE}\\s+${YEAR_RE}`,
  `${YEAR_RE}[-/.](?:0?[1-9]|1[0-2])(?![\\d])`,
  `(?:0?[1-9]|1[0-2])[/.-]${YEAR_RE}`,
  YEAR_RE,
  PRESENT_RE,
].join('|');
const D = `(?:${DATE_RE})`;
const RANGE_SEP = '\\s*(?:–|—|-|‒|―|−|to|until|till|through|thru|bis|à|au|até|›|>|→)\\s*';
const RANGE_RE = new RegExp(`(?<![\\p{L}\\p{N}])(${D})${RANGE_SEP}(${D})(?![\\p{L}\\p{N}])`, 'giu');
const BETWEEN_RE = new RegExp(`(?<![\\p{L}\\p{N}])between\\s+(${D})\\s+and\\s+(${D})(?![\\p{L}\\p{N}])`, 'giu');
const SINCE_RE = new RegExp(`(?<![\\p{L}\\p{N}])(?:since|from|seit|depuis|desde)\\s+(${D})(?![\\p{L}\\p{N}])`, 'giu');
const ONWARDS_RE = new RegExp(`(?<![\\p{L}\\p{N}])(${D})(?:\\s+(?:onwards?|and ongoing)(?![\\p{L}])|\\s*[–—-]+\\s*(?=\\)|$))`, 'giu');
const SINGLE_RE = new RegExp(`(?<![\\p{L}\\p{N}/.-])(${D})(?![\\p{L}\\p{N}/-])`, 'giu');

const PRESENT_ONLY = new RegExp(`^${PRESENT_RE}$`);
const NUMERIC_MDY = new RegExp(`^(\\d{1,2})([/.])(\\d{1,2})[/.](${YEAR_RE})$`);
const DAY_MONTH_YEAR = new RegExp(`^${DAY_RE}(?:st|nd|rd|th)?\\s+(\\p{L}+)\\.?,?\\s+(${YEAR_RE})$`, 'u');
const MONTH_FORM = new RegExp(`^(\\p{L}+)(\\.?(?:\\s+${DAY_RE}(?:st|nd|rd|th)?,)?\\s*(?:[/.,-]\\s*)?)(?:'?(${YEAR_RE})|['’](\\d\\d)|(\\d\\d))$`, 'u');
const SEASON_YEAR = new RegExp(`^(${SEASON_RE})\\s+(${YEAR_RE})$`);
const YEAR_MONTH = new RegExp(`^(${YEAR_RE})[-/.](\\d{1,2})$`);
const MONTH_SLASH_YEAR = new RegExp(`^(\\d{1,2})[/.-](${YEAR_RE})$`);
const YEAR_ONLY = new RegExp(`^(${YEAR_RE})$`);
const PRESENT: DateValue = { value: 'Present', year: 0, month: null, present: true };

/** The month a word names, if any; words that are also ordinary words need `/`, `.` or `-` before the year. */
function monthOf(word: string, sep: string): number | null {
  const n = MONTHS.get(word);
  if (n === undefined) return null;
  if (WORDLIKE.has(word) && !['dec', 'mar', 'mai', 'mars', 'mayo'].includes(word) && !/[/.-]/.test(sep)) return null;
  return n;
}

export function parseDate(raw: string): DateValue | null {
  const s = raw.trim().toLowerCase().replace(/\s+/g, ' ');
  if (PRESENT_ONLY.test(s)) return { ...PRESENT };
  let m = NUMERIC_MDY.exec(s);
  if (m) {
    const [a, b] = [Number(m[1]), Number(m[3])];
    // "2/1/2012" is month/day/year; "15/09/2008" can only be day/month/year; "01.03.2020" is day.month.year
    const month = m[2] === '.' ? b : a <= 12 ? a : b;
    return month >= 1 && month <= 12 ? ym(Number(m[4]), month) : null;
  }
  m = DAY_MONTH_YEAR.exec(s);
  if (m) {
    const month = monthOf(m[1], '.');
    return month ? ym(Number(m[2]), month) : null;
  }
  m = MONTH_FORM.exec(s);
  const month = m ? monthOf(m[1], m[2]) : null;
  if (m && month) {
    if (m[3]) return ym(Number(m[3]), month);
    const yy = Number(m[4] ?? m[5]);
    if (m[5] !== undefined && !/[/-]/.test(m[2])) return null; // "Jan 19" may be a day: two digits need "Jan-19" or "Jan '19"
    return ym(yy <= 50 ? 2000 + yy : 1900 + yy, month);
  }
  m = SEASON_YEAR.exec(s);
  if (m) return ym(Number(m[2]), { spring: 3, summer: 6, fall: 9, autumn: 9, winter: 12 }[m[1]] ?? null);
  m = YEAR_MONTH.exec(s);
  if (m) return Number(m[2]) >= 1 && Number(m[2]) <= 12 ? ym(Number(m[1]), Number(m[2])) : null;
  m = MONTH_SLASH_YEAR.exec(s);
  if (m) return Number(m[1]) >= 1 && Number(m[1]) <= 12 ? ym(Number(m[2]), Number(m[1])) : null;
  m = YEAR_ONLY.exec(s);
  if (m) return ym(Number(m[1]), null);
  return null;
}

function ym(year: number, month: number | null): DateValue | null {
  if (!Number.isFinite(year)) return null;
  if (month !== null && (month < 1 || month > 12)) month = null;
  return { value: month ? `${year}-${String(month).padStart(2, '0')}` : String(year), year, month, present: false };
}

function ordered(start: DateValue, end: DateValue | null): boolean {
  if (!end || end.present) return true;
  return end.year > start.year || (end.year === start.year && (end.month ?? 12) >= (start.month ?? 1));
}

/** Every match of `re` in `line` that `accept` takes; after a refused match the scan resumes one character on. */
function scan(re: RegExp, line: string, accept: (m: RegExpExecArray) => boolean): void {
  re.lastIndex = 0;
  for (let m = re.exec(line); m; m = re.exec(line)) {
    if (!accept(m)) re.lastIndex = m.index + 1;
    else if (m[0].length === 0) re.lastIndex++;
  }
}

/** All date ranges in a line, in order. */
export const findDateRanges = memo(findDateRangesUncached);

function findDateRangesUncached(line: string): DateRange[] {
  const out: DateRange[] = [];
  const taken = (i: number, len: number): boolean => out.some((r) => i < r.index + r.raw.length && i + len > r.index);
  for (const re of [BETWEEN_RE, RANGE_RE]) {
    scan(re, line, (m) => {
      const start = parseDate(m[1]);
      const end = parseDate(m[2]);
      if (!start || start.present || !end || !ordered(start, end)) return false;
      const raw = m[0].trim();
      const index = m.index + m[0].indexOf(raw);
      if (!taken(index, raw.length)) out.push({ start, end, raw, index });
      return true;
    });
  }
  for (const re of [SINCE_RE, ONWARDS_RE]) {
    scan(re, line, (m) => {
      const start = parseDate(m[1]);
      if (!start || start.present) return false;
      const raw = m[0].trim();
      const index = m.index + m[0].indexOf(raw);
      if (!taken(index, raw.length)) out.push({ start, end: { ...PRESENT }, raw, index });
      return true;
    });
  }
  return out.sort((a, b) => a.index - b.index);
}

/** Single dates (not ranges) in a line: used for one-date headers ("2019") and the truthfulness check. */
export const findDates = memo(findDatesUncached);

function findDatesUncached(line: string): DateValue[] {
  const out: DateValue[] = [];
  scan(SINGLE_RE, line, (m) => {
    const d = parseDate(m[1]);
    if (!d) return false;
    if (!d.present) out.push(d);
    return true;
  });
  return out;
}

/** Does the line look like it is mostly a date range (a date line under a heading)? */
export function isDateLine(line: string): boolean {
  const ranges = findDateRanges(line);
  if (ranges.length === 0) {
    const singles = findDates(line);
    if (singles.length !== 1) return false;
    const rest = line.replace(SINGLE_RE, '').replace(/[\s|,·•()[\]–—-]+/g, '');
    return rest.length <= 25;
  }
  const rest = line.replace(ranges[0].raw, '').replace(/[\s|,·•()[\]]+/g, ' ').trim();
  return rest.split(/\s+/).filter(Boolean).length <= 4;
}

export interface Interval {
  start: number; // month index (year*12 + month-1)
  end: number; // exclusive
}

export function monthIndex(year: number, month: number): number {
  return year * 12 + (month - 1);
}

/** asOf 'YYYY-MM-DD' → month index of that month. Falls back to 2025-01 on garbage (never the clock). */
export function asOfIndex(asOf: string | undefined | null): number {
  const m = /^(\d{4})-(\d{2})/.exec(asOf ?? '');
  if (!m) return monthIndex(2025, 1);
  return monthIndex(Number(m[1]), Math.min(12, Math.max(1, Number(m[2]))));
}

/**
 * The months an experience covers. Month-precise ranges are inclusive of both months (Jan–Mar = 3 months).
 * A year-only start counts from January; a year-only end counts up to January of that year (so `2017–2019` is
 * two years, the way a reader counts it), but at least six months. Present = the asOf month, inclusive.
 * Ranges after asOf are cut at asOf.
 */
export function toInterval(start: DateValue | null, end: DateValue | null, asOf: number): Interval | null {
  if (!start || start.present) return null;
  const s = monthIndex(start.year, start.month ?? 1);
  let e: number;
  if (!end || end.present) e = asOf + 1;
  else if (end.month) e = monthIndex(end.year, end.month) + 1;
  else e = monthIndex(end.year, start.month && end.year === start.year ? 12 : 1) + (end.year === start.year && !start.month ? 6 : 0);
  if (!end && start) e = start.month ? s + 1 : s + 12; // a single date: one month or one year
  e = Math.min(e, asOf + 1);
  if (e <= s) return s <= asOf ? { start: s, end: s + 1 } : null;
  return { start: s, end: e };
}

/** Total months covered by the union of the intervals (overlaps counted once). */
export function unionMonths(intervals: Interval[]): number {
  const sorted = intervals.filter((i) => i.end > i.start).sort((a, b) => a.start - b.start);
  let total = 0;
  let curS = -1;
  let curE = -1;
  for (const i of sorted) {
    if (i.start > curE) {
      if (curE > curS) total += curE - curS;
      curS = i.start;
      curE = i.end;
    } else if (i.end > curE) curE = i.end;
  }
  if (curE > curS) total += curE - curS;
  return total;
}

/** Normalises every date in a text to comparable keys ('YYYY-MM' and 'YYYY'), used by the truthfulness check. */
export function dateKeys(text: string): Set<string> {
  const keys = new Set<string>();
  for (const line of text.split('\n')) {
    for (const r of findDateRanges(line)) {
      for (const d of [r.start, r.end]) if (d && !d.present) keys.add(d.value), keys.add(String(d.year));
    }
    for (const d of findDates(line)) keys.add(d.value), keys.add(String(d.year));
  }
  return keys;
}
