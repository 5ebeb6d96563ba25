/**
 * The final resume: the document with its APPLIED changes, rendered as ATS-safe markdown. Standard
 * headings, one date style, plain lists; no tables, columns or images. Every employer, title, date,
 * degree and section of the document is in it by construction: changes touch only the summary,
 * bullets (text and order within a role) and skill lines.
 */
import { applyChanges } from '../domain/apply.js';
import type { ResumeChange } from '../domain/changes.js';
import { roleHeading, type ResumeDocument } from '../domain/document.js';

export { applyChanges };

const STANDARD: Record<string, string> = {
  summary: 'Summary',
  skills: 'Skills',
  education: 'Education',
  certifications: 'Certifications',
};

/** A role's bullets as they stand in the markdown. */
export function bulletBlock(bullets: readonly string[]): string {
  return bullets.map((b) => `- ${b}`).join('\n');
}

export function renderMarkdown(doc: ResumeDocument): string {
  const out: string[] = [];
  if (doc.name) out.push(`# ${doc.name}`);
  if (doc.contact.length) out.push(doc.contact.join(' | '));
  const sections = [...doc.sections];
  if (doc.summary.length && !sections.some((s) => s.kind === 'summary')) sections.unshift({ kind: 'summary', heading: 'Summary' });
  const experienceHeadings = new Set<string>();
  sections.forEach((s, index) => {
    const block: string[] = [];
    switch (s.kind) {
      case 'summary':
        if (doc.summary.length) block.push(doc.summary.join(' '));
        break;
      case 'experience': {
        const original = doc.sections.indexOf(s);
        for (const r of doc.experience.filter((role) => role.section === original)) {
          block.push(`### ${roleHeading(r)}`);
          const meta = [r.dates.text, r.location].filter(Boolean).join(' | ');
          if (meta) block.push(meta);
          if (r.bullets.length) block.push(bulletBlock(r.bullets));
          block.push('');
        }
        break;
      }
      case 'skills':
      case 'certifications':
        if (doc[s.kind].length) block.push(bulletBlock(doc[s.kind]));
        break;
      case 'education':
        block.push(...doc.education);
        break;
      case 'other':
        if (s.other !== undefined) block.push(...(doc.other[s.other]?.lines ?? []).map((l) => `- ${l}`));
        break;
    }
    let heading = s.kind === 'experience' || s.kind === 'other' ? s.heading : STANDARD[s.kind]!;
    if (s.kind === 'experience') {
      // the first experience section is "Experience"; others (volunteer work) keep their own heading
      heading = experienceHeadings.size === 0 ? 'Experience' : s.heading || 'Experience';
      experienceHeadings.add(heading);
    }
    void index;
    if (out.length) out.push('');
    out.push(`## ${heading || 'Other'}`);
    while (block.length && block[block.length - 1] === '') block.pop();
    out.push(...block);
  });
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trim() + '\n';
}

/** The final resume of a document and its changes. */
export function renderResume(doc: ResumeDocument, changes: readonly ResumeChange[]): string {
  return renderMarkdown(applyChanges(doc, changes));
}
