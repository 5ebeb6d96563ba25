/** Markdown: the resume in the same form as `finalResumeMarkdown` (`# Name`, `## Section`, `### Title — Company`). */
import type { RenderedLetter, RenderedResume } from '../../domain/rendered-resume.js';
import { entryHeading, entryMeta } from './layout.js';

export function resumeMarkdown(resume: RenderedResume): string {
  const out: string[] = [];
  if (resume.name) out.push(`# ${resume.name}`);
  out.push(...resume.contact);
  for (const s of resume.sections) {
    if (out.length) out.push('');
    if (s.heading) out.push(`## ${s.heading}`);
    for (const e of s.entries) {
      out.push(`### ${entryHeading(e)}`);
      const meta = entryMeta(e);
      if (meta) out.push(meta);
      for (const b of e.bullets) out.push(`- ${b}`);
    }
    out.push(...s.lines);
  }
  return out.join('\n').trim() + '\n';
}

export function letterMarkdown(letter: RenderedLetter): string {
  return letter.paragraphs.map((p) => p.split('\n').join('  \n')).join('\n\n') + '\n';
}
