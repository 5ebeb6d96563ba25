/**
 * The final resume as the render model: the resume document with its APPLIED changes (settled as
 * POLISH and reviewChanges settle them), laid out section by section exactly as `renderMarkdown`
 * writes `finalResumeMarkdown`, so every format says what that markdown says: the same headings,
 * lines and roles in the same order. Dates come from the document's own reading, not re-parsed.
 */
import { settleChanges } from '../../domain/apply.js';
import type { ResumeChange } from '../../domain/changes.js';
import type { DocDates, DocSectionRef, ResumeDocument } from '../../domain/document.js';
import type { RenderedEntry, RenderedResume, RenderedSection } from '../../domain/rendered-resume.js';
import { plain } from './from-markdown.js';

const STANDARD: Record<Exclude<DocSectionRef['kind'], 'experience' | 'other'>, string> = {
  summary: 'Summary',
  skills: 'Skills',
  education: 'Education',
  certifications: 'Certifications',
};

/** The resume a reader gets: `document` (as parsed) with the APPLIED ones of `changes`. */
export function resumeFromDocument(document: ResumeDocument, changes: readonly ResumeChange[]): RenderedResume {
  return renderModel(settleChanges(document, changes).document);
}

/** A document whose changes are already applied, as the render model. */
export function renderModel(doc: ResumeDocument): RenderedResume {
  const refs = [...doc.sections];
  // as renderMarkdown: a summary the resume gained (a change added one) is drawn first
  if (doc.summary.length && !refs.some((s) => s.kind === 'summary')) refs.unshift({ kind: 'summary', heading: 'Summary' });
  let experienceSections = 0;
  const sections = refs.map((ref): RenderedSection => {
    const lines = (texts: readonly string[], list: boolean): string[] =>
      texts
        .map(plain)
        .filter(Boolean)
        .map((t) => (list ? `- ${t}` : t));
    switch (ref.kind) {
      case 'summary':
        return { heading: STANDARD.summary, kind: 'summary', entries: [], lines: lines(doc.summary.length ? [doc.summary.join(' ')] : [], false) };
      case 'experience': {
        const index = doc.sections.indexOf(ref);
        const first = experienceSections++ === 0;
        const heading = first ? 'Experience' : plain(ref.heading) || 'Experience';
        return {
          heading,
          kind: !first && /volunteer/i.test(heading) ? 'volunteer' : 'experience',
          entries: doc.experience.filter((r) => r.section === index).map(
            (r): RenderedEntry => ({
              title: plain(r.title),
              company: plain(r.employer),
              dateText: plain(r.dates.text),
              ...isoDates(r.dates),
              location: plain(r.location),
              bullets: r.bullets.map(plain).filter(Boolean),
            }),
          ),
          lines: [],
        };
      }
      case 'skills':
      case 'certifications':
        return { heading: STANDARD[ref.kind], kind: ref.kind, entries: [], lines: lines(doc[ref.kind], true) };
      case 'education':
        return { heading: STANDARD.education, kind: 'education', entries: [], lines: lines(doc.education, false) };
      case 'other':
        return {
          heading: plain(ref.heading) || 'Other',
          kind: 'other',
          entries: [],
          lines: lines(ref.other === undefined ? [] : (doc.other[ref.other]?.lines ?? []), true),
        };
    }
  });
  return {
    name: doc.name ? plain(doc.name) || null : null,
    // one line, as the markdown writes it
    contact: doc.contact.length ? [doc.contact.map(plain).filter(Boolean).join(' | ')].filter(Boolean) : [],
    sections,
  };
}

/** `YYYY-MM` or `YYYY` as the document read them; null for "Present" or dates it could not read. */
function isoDates(d: DocDates): { startDate: string | null; endDate: string | null } {
  const iso = (v: string | null): string | null => (v && /^\d{4}(?:-\d{2}){0,2}$/.test(v) ? v : null);
  return { startDate: iso(d.start), endDate: iso(d.end) };
}
