/**
 * Resume text → the resume document (src/domain/document.ts), deterministically, from the parser's
 * public output (`toDoc`, `findDateRanges`). The parser itself still lives in src/local/ (issue 17
 * reworks it there); this builder is the one place that turns its output into the domain's document,
 * so when the parser moves here only these imports change.
 *
 * Nothing is dropped: a line of the resume that the parsed sections do not account for is kept in an
 * "Additional information" section, and the document's notes say so.
 */
import type { DocRole, DocSectionKind, DocSectionRef, ResumeDocument } from '../domain/document.js';
import type { ExtractedSkill } from '../domain/input.js';
import { toDoc } from '../local/document.js';
import { findDateRanges, findDates, type DateValue } from '../local/dates.js';
import { headingOf } from '../local/sections.js';
import { contentTokens, isBullet, memo, normalizeText, stripBullet, stripMarkdown } from '../local/text.js';

export interface DocumentExtras {
  extractedSkills?: ExtractedSkill[];
  confidenceThreshold?: number;
  domainInsights?: Record<string, unknown> | null;
}

const KIND: Record<string, DocSectionKind> = {
  summary: 'summary',
  experience: 'experience',
  volunteer: 'experience',
  skills: 'skills',
  education: 'education',
  certifications: 'certifications',
};

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function styleDate(d: DateValue): string {
  if (d.present) return 'Present';
  return d.month ? `${MONTHS[d.month - 1]} ${d.year}` : String(d.year);
}

/** One date style for every role: `Jan 2020 – Present`, `2016 – 2019`, `Mar 2018`. */
export function normalizeDates(dateText: string): DocRole['dates'] {
  const raw = dateText.trim();
  if (!raw) return { start: null, end: null, text: '' };
  const range = findDateRanges(raw)[0];
  if (range && (range.start || range.end)) {
    const parts = [range.start, range.end].map((d) => (d ? styleDate(d) : ''));
    return { start: range.start?.value ?? null, end: range.end?.value ?? null, text: parts.filter(Boolean).join(' – ') };
  }
  const single = findDates(raw)[0];
  if (single) return { start: single.value, end: null, text: styleDate(single) };
  return { start: null, end: null, text: raw };
}

const DATE_WORD = /^(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*$|^(?:present|current|now|today)$/;

const clean = (line: string): string => stripMarkdown(isBullet(line) ? stripBullet(line) : line).trim();

const built = memo((text: string) => JSON.stringify(buildUncached(text)), 500);

/** The document of a resume; the extras (upstream skills and insights) are attached as given. */
export function buildResumeDocument(resumeText: string, extras: DocumentExtras = {}): ResumeDocument {
  const doc = JSON.parse(built(resumeText ?? '')) as ResumeDocument;
  doc.extractedSkills = extras.extractedSkills ?? [];
  doc.confidenceThreshold = extras.confidenceThreshold ?? 0.7;
  doc.domainInsights = extras.domainInsights ?? null;
  return doc;
}

function buildUncached(resumeText: string): ResumeDocument {
  const parsed = toDoc(resumeText);
  const doc: ResumeDocument = {
    name: parsed.name,
    contact: parsed.contact.map((c) => clean(c)).filter(Boolean),
    summary: [],
    experience: [],
    skills: [],
    education: [],
    certifications: [],
    other: [],
    sections: [],
    extractedSkills: [],
    confidenceThreshold: 0.7,
    domainInsights: null,
    notes: [],
  };
  const refOf = (kind: DocSectionKind, heading: string): number => {
    // One summary, skills, education and certifications section each: a second is merged into the first.
    if (kind !== 'experience' && kind !== 'other') {
      const i = doc.sections.findIndex((s) => s.kind === kind);
      if (i >= 0) return i;
    }
    doc.sections.push({ kind, heading });
    return doc.sections.length - 1;
  };
  for (const s of parsed.sections) {
    const kind: DocSectionKind = KIND[s.kind] ?? 'other';
    const lines = s.lines.map(clean).filter(Boolean);
    if (kind === 'experience' && s.entries && s.entries.length > 0) {
      const section = refOf('experience', s.heading);
      for (const e of s.entries) {
        doc.experience.push({
          employer: e.company.trim(),
          title: e.title.trim(),
          location: e.location.trim(),
          dates: normalizeDates(e.dateText),
          bullets: e.bullets.map((b) => clean(b)).filter(Boolean),
          section,
        });
      }
      // lines of the section outside its entries (rare) are kept with them as an other section
      if (lines.length) addOther(doc, `${s.heading} (more)`, lines);
      continue;
    }
    if (kind === 'experience' || kind === 'other') {
      if (lines.length || s.heading) addOther(doc, s.heading, lines);
      continue;
    }
    refOf(kind, s.heading);
    doc[kind].push(...lines);
  }
  keepUnplaced(doc, resumeText);
  return doc;
}

function addOther(doc: ResumeDocument, heading: string, lines: string[]): void {
  doc.other.push({ heading, lines });
  const ref: DocSectionRef = { kind: 'other', heading, other: doc.other.length - 1 };
  doc.sections.push(ref);
}

/** Every content word of every resume line must be somewhere in the document; lines that are not go to "other". */
function keepUnplaced(doc: ResumeDocument, resumeText: string): void {
  const words = new Set<string>();
  const add = (s: string): void => {
    for (const t of contentTokens(s)) words.add(t);
  };
  if (doc.name) add(doc.name);
  for (const s of [...doc.contact, ...doc.summary, ...doc.skills, ...doc.education, ...doc.certifications]) add(s);
  for (const s of doc.sections) add(s.heading);
  for (const r of doc.experience) for (const s of [r.employer, r.title, r.location, r.dates.text, ...r.bullets]) add(s);
  for (const o of doc.other) for (const s of o.lines) add(s);
  const unplaced: string[] = [];
  for (const raw of normalizeText(resumeText).split('\n')) {
    const line = clean(raw);
    if (!line || /^(?:[-=_*]){3,}$/.test(line) || headingOf(raw)) continue;
    // dates are restyled in the document (`2020-01` → `Jan 2020`): their words are not content
    const toks = contentTokens(line).filter((t) => !/^\d{1,4}$/.test(t) && !DATE_WORD.test(t));
    if (toks.length && toks.some((t) => !words.has(t))) unplaced.push(line);
  }
  if (unplaced.length) {
    addOther(doc, 'Additional information', unplaced);
    doc.notes.push(
      `${unplaced.length} line${unplaced.length === 1 ? '' : 's'} of the resume could not be placed in a section; kept as written under "Additional information".`,
    );
  }
}
