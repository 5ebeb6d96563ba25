/**
 * A model's roles (ANALYSIS's `experiences`) reconciled with the resume and its parser, deterministically:
 *
 * 1. an employer or title the model reports must be a span of the resume text (compared case- and
 *    whitespace-insensitively, at word boundaries); a date must be one the resume states, as the parser's date
 *    reading understands both (`2019-03` is the resume's `March 2019`; `2019` any date of 2019; `Present` a range
 *    the resume leaves open). What is not is ignored, and a note says how many of which field; a role left with
 *    neither employer nor title is dropped;
 * 2. a role the parser reads in the resume that no reported role covers is added, from the parser's spans.
 *
 * It lives in src/documents/ (not src/audit/) because it reads the resume through the parser (the document's roles,
 * the date grammar), which the design lets only the documents room use; stages reach it from here.
 */
import type { DocRole } from '../domain/document.js';
import type { Experience } from '../domain/outputs.js';
import { dateKeys, findDateRanges, parseDate } from '../local/dates.js';
import { buildResumeDocument } from './resume-document.js';

export interface ReconciledRoles {
  experiences: Experience[];
  /** For a reader: what was ignored, dropped or added (empty when the model's roles stood as reported). */
  notes: string[];
}

type Field = 'employer' | 'title' | 'start date' | 'end date';
const FIELDS: Field[] = ['employer', 'title', 'start date', 'end date'];

const ALNUM = /[\p{L}\p{N}]/u;
const fold = (s: string): string => s.normalize('NFKC').toLowerCase();

/** The resume's text without whitespace, and where a word may start or end in it. */
interface Haystack {
  text: string;
  /** boundary[i]: a word may begin at text[i] (or end before it). */
  boundary: boolean[];
}

function haystack(resumeText: string): Haystack {
  const chars: string[] = [];
  const spaced: boolean[] = [];
  let space = true;
  for (const ch of fold(resumeText)) {
    if (/\s/u.test(ch)) {
      space = true;
      continue;
    }
    chars.push(ch);
    spaced.push(space);
    space = false;
  }
  const boundary = chars.map((ch, i) => spaced[i]! || !ALNUM.test(ch) || !ALNUM.test(chars[i - 1]!));
  boundary.push(true);
  return { text: chars.join(''), boundary };
}

const squeeze = (s: string): string => fold(s).replace(/\s+/gu, '');

/** Whether `value` is written in the resume: the same characters, any case and spacing, not inside a word. */
function isSpan(hay: Haystack, value: string): boolean {
  const needle = squeeze(value);
  if (!ALNUM.test(needle)) return false; // punctuation alone names nothing
  for (let i = hay.text.indexOf(needle); i >= 0; i = hay.text.indexOf(needle, i + 1)) {
    if (hay.boundary[i] && hay.boundary[i + needle.length]) return true;
  }
  return false;
}

/** The resume's dates as the parser reads them: `YYYY-MM` and `YYYY` keys, and whether some range is open. */
function resumeDates(resumeText: string): { keys: Set<string>; open: boolean } {
  const open = resumeText.split('\n').some((line) => findDateRanges(line).some((r) => r.end?.present));
  return { keys: dateKeys(resumeText), open };
}

function isStatedDate(dates: { keys: Set<string>; open: boolean }, value: string): boolean {
  const d = parseDate(value);
  if (!d) return false;
  if (d.present) return dates.open;
  return dates.keys.has(d.month ? d.value : String(d.year));
}

/** Compared for "the same role": letters and digits only. */
const key = (s: string): string => fold(s).replace(/[^\p{L}\p{N}]+/gu, '');
const overlaps = (a: string, b: string): boolean => {
  const [x, y] = [key(a), key(b)];
  return !!x && !!y && (x.includes(y) || y.includes(x));
};
const yearOf = (value: string | null): number | null => {
  const d = value ? parseDate(value) : null;
  return d && !d.present ? d.year : null;
};

/** A reported role covers a parsed one when its employer (or, lacking one, its title) names it and no year disagrees. */
function covers(e: Experience, r: DocRole): boolean {
  if (e.company && r.employer && !overlaps(e.company, r.employer)) return false;
  if (e.title && r.title && !overlaps(e.title, r.title)) return false;
  const named = (e.company && r.employer) || (!e.company && e.title && r.title);
  if (!named) return false;
  const [a, b] = [yearOf(e.startDate), yearOf(r.dates.start)];
  return a === null || b === null || a === b;
}

const quote = (s: string): string => `"${s.length > 60 ? `${s.slice(0, 57)}…` : s}"`;
const plural = (n: number, one: string, many = `${one}s`): string => `${n} ${n === 1 ? one : many}`;
const heading = (e: Pick<Experience, 'title' | 'company'>): string =>
  e.title && e.company ? `${e.title} — ${e.company}` : e.title || e.company;

/** The model's roles reconciled with the resume's text and the parser's roles (pure: same inputs, same result). */
export function reconcileRoles(resumeText: string, reported: Experience[]): ReconciledRoles {
  const hay = haystack(resumeText);
  const dates = resumeDates(resumeText);
  const ignored = new Map<Field, string[]>(FIELDS.map((f) => [f, []]));
  const ignore = (field: Field, value: string): void => void ignored.get(field)!.push(value);
  let dropped = 0;

  const kept: Experience[] = [];
  for (const e of reported) {
    const x: Experience = { ...e, title: e.title.trim(), company: e.company.trim(), startDate: e.startDate?.trim() || null, endDate: e.endDate?.trim() || null };
    if (x.company && !isSpan(hay, x.company)) ignore('employer', x.company), (x.company = '');
    if (x.title && !isSpan(hay, x.title)) ignore('title', x.title), (x.title = '');
    if (x.startDate && !isStatedDate(dates, x.startDate)) ignore('start date', x.startDate), (x.startDate = null);
    if (x.endDate && !isStatedDate(dates, x.endDate)) ignore('end date', x.endDate), (x.endDate = null);
    if (!x.company && !x.title) dropped++;
    else kept.push(x);
  }

  // Each parsed role is covered by the first reported role not yet used that names it; the rest are added.
  const parsed = buildResumeDocument(resumeText).experience.filter((r) => r.employer || r.title);
  const slots: { e: Experience; role: number | null }[] = kept.map((e) => ({ e, role: null }));
  const missed: number[] = [];
  parsed.forEach((r, k) => {
    const slot = slots.find((s) => s.role === null && covers(s.e, r));
    if (slot) slot.role = k;
    else missed.push(k);
  });
  const added: Experience[] = [];
  for (const k of missed) {
    const r = parsed[k]!;
    const e: Experience = { title: r.title, company: r.employer, startDate: r.dates.start, endDate: r.dates.end, highlights: [...r.bullets], skills: [] };
    added.push(e);
    // in the resume's order: after the role placed before it, else before the first role placed after it
    const after = slots.findLastIndex((s) => s.role !== null && s.role < k);
    const before = slots.findIndex((s) => s.role !== null && s.role > k);
    const at = after >= 0 ? after + 1 : before >= 0 ? before : slots.length;
    slots.splice(at, 0, { e, role: k });
  }

  const notes: string[] = [];
  for (const field of FIELDS) {
    const values = ignored.get(field)!;
    if (!values.length) continue;
    const shown = values.slice(0, 5).map(quote).join(', ');
    notes.push(
      `ANALYSIS: ${plural(values.length, field)} the model reported ${values.length === 1 ? 'is' : 'are'} not in the resume and ${values.length === 1 ? 'was' : 'were'} ignored: ${shown}${values.length > 5 ? ', …' : ''}.`,
    );
  }
  if (dropped) notes.push(`ANALYSIS: ${plural(dropped, 'role')} the model reported ${dropped === 1 ? 'was' : 'were'} dropped: neither ${dropped === 1 ? 'its' : 'their'} employer nor ${dropped === 1 ? 'its' : 'their'} title is in the resume.`);
  if (added.length) {
    notes.push(`ANALYSIS: ${plural(added.length, 'role')} the model missed ${added.length === 1 ? 'was' : 'were'} added as the resume states ${added.length === 1 ? 'it' : 'them'}: ${added.slice(0, 5).map((e) => quote(heading(e))).join(', ')}${added.length > 5 ? ', …' : ''}.`);
  }
  return { experiences: slots.map((s) => s.e), notes };
}
