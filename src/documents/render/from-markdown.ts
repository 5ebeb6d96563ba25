/**
 * The adapter from a final resume to the render model. Today it reads `finalResumeMarkdown` with
 * the local engine's resume reader (`toDoc`); once the pipeline keeps the parsed resume document
 * and its applied changes, this is the one place to point at that document instead.
 */
import { findDateRanges } from '../../local/dates.js';
import { toDoc, type DocSection } from '../../local/document.js';
import type { RenderedEntry, RenderedLetter, RenderedResume, RenderedSection, RenderedSectionKind } from '../../domain/rendered-resume.js';

const KINDS = new Set<RenderedSectionKind>(['summary', 'experience', 'volunteer', 'education', 'skills', 'certifications', 'projects']);

export function resumeFromMarkdown(markdown: string): RenderedResume {
  const doc = toDoc(markdown);
  const headings = new Set(
    markdown
      .split('\n')
      .map((l) => plain(l).toLowerCase())
      .filter(Boolean),
  );
  return {
    name: doc.name ? plain(doc.name) : null,
    contact: doc.contact.map(plain).filter(Boolean),
    // A heading the reader supplied (lines before the first heading read as a summary) is not drawn.
    sections: doc.sections.map(toSection).map((s) => (headings.has(s.heading.toLowerCase()) ? s : { ...s, heading: '' })),
  };
}

function toSection(s: DocSection): RenderedSection {
  const kind = KINDS.has(s.kind as RenderedSectionKind) ? (s.kind as RenderedSectionKind) : 'other';
  return {
    heading: plain(s.heading),
    kind,
    entries: (s.entries ?? []).map(
      (e): RenderedEntry => ({
        title: plain(e.title),
        company: plain(e.company),
        dateText: plain(e.dateText),
        ...dates(e.dateText),
        location: plain(e.location),
        bullets: e.bullets.map(plain).filter(Boolean),
      }),
    ),
    lines: s.lines.map((l) => (l.startsWith('- ') ? `- ${plain(l.slice(2))}` : plain(l))).filter((l) => l && l !== '-'),
  };
}

function dates(dateText: string): { startDate: string | null; endDate: string | null } {
  const range = dateText ? findDateRanges(dateText)[0] : undefined;
  const iso = (d: { value: string; present: boolean } | null | undefined): string | null => (d && !d.present ? d.value : null);
  return { startDate: iso(range?.start), endDate: iso(range?.end) };
}

/** A letter's markdown (paragraphs separated by blank lines) as the render model. */
export function letterFromMarkdown(markdown: string, name: string | null): RenderedLetter {
  const paragraphs = markdown
    .replace(/\r\n?/g, '\n')
    .split(/\n\s*\n/)
    .map((p) =>
      p
        .split('\n')
        .map((l) => plain(l))
        .filter(Boolean)
        .join('\n'),
    )
    .filter(Boolean);
  return { name, paragraphs };
}

/** Markdown emphasis, links and heading marks removed; the words stay. */
export function plain(text: string): string {
  return text
    .replace(/^#{1,6}\s+/, '')
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\(([^)]*)\)/g, (_m, label: string, url: string) => (label.trim() === url.trim() ? label : `${label} (${url})`))
    .replace(/(\*\*|__)(.+?)\1/g, '$2')
    .replace(/(^|[^\w*])\*(?!\s)(.+?)\*(?!\w)/g, '$1$2')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/\s+/g, ' ')
    .trim();
}
