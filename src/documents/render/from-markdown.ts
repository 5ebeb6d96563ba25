/**
 * The letter's markdown as the render model, and `plain`, which every converter to the render model
 * uses for a line's text. (The resume is converted from its document: from-document.ts.)
 */
import type { RenderedLetter } from '../../domain/rendered-resume.js';

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
