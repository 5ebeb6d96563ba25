/**
 * Dates and date ranges as resumes write them, and experience-years arithmetic.
 *
 * Recognised single dates: `Jan 2020`, `January 2020`, `Sept. 2019`, `2019-03`, `2019/03`, `03/2018`, `3.2018`,
 * `2017`, and "now" words (`Present`, `Current`, `Now`, `Today`, `Ongoing`, `to date`).
 * Ranges: two dates joined by `–`, `—`, `-`, `to`, `until`, `through`, `till`; `Since 2020` means until Present.
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

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5, jun: 6, june: 6,
  jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9, oct: 10, october: 10, nov: 11, november: 11,
  dec: 12, december: 12,
};

const MONTH_RE = '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const YEAR_RE = '(?:19[5-9]\\d|20\\d\\d)';
const PRESENT_RE = '(?:present|current(?:ly)?|now|today|ongoing|to date|date)';
const SEASON_RE = '(?:spring|summer|fall|autumn|winter)';
/** One date token. Order matters: most specific first. */
const DATE_RE = `(?:${MONTH_RE}\\.?,?\\s+'?${YEAR_RE}|${SEASON_RE}\\s+${YEAR_RE}|${YEAR_RE}[-/.](?:0?[1-9]|1[0-2])(?![\\d])|(?:0?[1-9]|1[0-2])[/.-]${YEAR_RE}|${YEAR_RE}|${PRESENT_RE})`;
const RANGE_SEP = '\\s*(?:–|—|-|‒|―|−|to|until|till|through|thru|›|>|→)\\s*';
const RANGE_RE = new RegExp(`(?<![\\p{L}\\p{N}])(${DATE_RE})${RANGE_SEP}(${DATE_RE})(?![\\p{L}\\p{N}])`, 'giu');
const SINCE_RE = new RegExp(`(?<![\\p{L}\\p{N}])(?:since|from)\\s+(${DATE_RE})(?![\\p{L}\\p{N}])`, 'giu');
const SINGLE_RE = new RegExp(`(?<![\\p{L}\\p{N}/.-])(${DATE_RE})(?![\\p{L}\\p{N}/-])`, 'giu');

export function parseDate(raw: string): DateValue | null {
  const s = raw.trim().toLowerCase().replace(/\s+/g, ' ');
  if (new RegExp(`^${PRESENT_RE}$`).test(s)) return { value: 'Present', year: 0, month: null, present: true };
  let m = s.match(new RegExp(`^(${MONTH_RE})\\.?,?\\s+'?(${YEAR_RE})$`));
  if (m) return ym(Number(m[2]), MONTHS[m[1]] ?? MONTHS[m[1].slice(0, 3)]);
  m = s.match(new RegExp(`^(${SEASON_RE})\\s+(${YEAR_RE})$`));
  if (m) return ym(Number(m[2]), { spring: 3, summer: 6, fall: 9, autumn: 9, winter: 12 }[m[1]] ?? null);
  m = s.match(new RegExp(`^(${YEAR_RE})[-/.](\\d{1,2})$`));
  if (m) return Number(m[2]) >= 1 && Number(m[2]) <= 12 ? ym(Number(m[1]), Number(m[2])) : null;
  m = s.match(new RegExp(`^(\\d{1,2})[/.-](${YEAR_RE})$`));
  if (m) return Number(m[1]) >= 1 && Number(m[1]) <= 12 ? ym(Number(m[2]), Number(m[1])) : null;
  m = s.match(new RegExp(`^(${YEAR_RE})$`));
  if (m) return ym(Number(m[1]), null);
  return null;
}

function ym(year: number, month: number | null): DateValue | null {
  if (!Number.isFinite(year)) return null;
  if (month !== null && (month < 1 || month > 12)) month = null;
  return { value: month ? `${year}-${String(month).padStart(2, '0')}` : String(year), year, month, present: false };
}

/** All date ranges in a line, in order. */
export const findDateRanges = memo(findDateRangesUncached);

function findDateRangesUncached(line: string): DateRange[] {
  const out: DateRange[] = [];
  for (const m of line.matchAll(RANGE_RE)) {
    const start = parseDate(m[1]);
    const end = parseDate(m[2]);
    if (!start || start.present) continue;
    if (end && !end.present && end.year < start.year) continue;
    // "2019-03" alone is a month, not a range 2019 → 03: DATE_RE already prefers YYYY-MM; guard "2019 - 2" nonsense
    out.push({ start, end, raw: m[0].trim(), index: m.index ?? 0 });
  }
  if (out.length === 0) {
    for (const m of line.matchAll(SINCE_RE)) {
      const start = parseDate(m[1]);
      if (!start || start.present) continue;
      out.push({ start, end: { value: 'Present', year: 0, month: null, present: true }, raw: m[0].trim(), index: m.index ?? 0 });
    }
  }
  return out;
}

/** Single dates (not ranges) in a line: used for one-date headers ("2019") and the truthfulness check. */
export const findDates = memo(findDatesUncached);

function findDatesUncached(line: string): DateValue[] {
  const out: DateValue[] = [];
  for (const m of line.matchAll(SINGLE_RE)) {
    const d = parseDate(m[1]);
    if (d && !d.present) out.push(d);
  }
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
