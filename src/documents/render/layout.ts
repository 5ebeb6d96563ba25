/** What every format writes the same way: an entry's heading and date line, a file's base name. */
import type { RenderedEntry } from '../../domain/rendered-resume.js';

export function entryHeading(e: RenderedEntry): string {
  if (e.title && e.company) return `${e.title} — ${e.company}`;
  return e.title || e.company || 'Role';
}

export function entryMeta(e: RenderedEntry): string {
  return [e.dateText, e.location].filter(Boolean).join(' | ');
}

/** A list item ("- text") or null for a plain line. */
export function listItem(line: string): string | null {
  return line.startsWith('- ') ? line.slice(2) : null;
}

/** `jane-doe-resume` from a name; `resume` without one. */
export function baseName(name: string | null, what: 'resume' | 'cover-letter'): string {
  const slug = (name ?? '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
  return slug ? `${slug}-${what}` : what;
}
