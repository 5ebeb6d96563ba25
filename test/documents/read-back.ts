/** Reads rendered files back as text, the way an applicant-tracking system would: pdf.js for PDF, mammoth for DOCX. */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import mammoth from 'mammoth';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const STANDARD_FONTS = join(dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'standard_fonts') + '/';

/** The text of each page, a line per text line (pdf.js marks line ends). */
export async function pdfPages(bytes: Uint8Array): Promise<string[]> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, disableFontFace: true, useSystemFonts: false, standardFontDataUrl: STANDARD_FONTS, verbosity: 0 }).promise;
  try {
    const pages: string[] = [];
    for (let n = 1; n <= pdf.numPages; n++) {
      const content = await (await pdf.getPage(n)).getTextContent();
      let text = '';
      for (const item of content.items) {
        if (!('str' in item)) continue;
        text += item.str + (item.hasEOL ? '\n' : '');
      }
      pages.push(text);
    }
    return pages;
  } finally {
    await pdf.destroy();
  }
}

/**
 * The whole text, unwrapped as text extractors do: a word the layout broke at its hyphen or slash
 * ("stock-\nouts", "A/\nB") is joined again, and a line that starts in lower case after a line the layout
 * filled (a wrapped paragraph) continues it.
 */
export async function pdfText(bytes: Uint8Array): Promise<string> {
  return (await pdfPages(bytes))
    .join('\n')
    .replace(/(\w)([-/])\n(?=\w)/g, '$1$2')
    .replace(/^(.{60,})\n(?=[a-z(])/gm, '$1 ');
}

/** The DOCX as HTML: real headings are <h1>/<h2>, real lists <ul><li>. */
export async function docxHtml(bytes: Uint8Array): Promise<string> {
  return (await mammoth.convertToHtml({ buffer: Buffer.from(bytes) })).value;
}

/** The paragraphs of a DOCX, one per line, list items marked "- " as a reader sees their bullets. */
export async function docxText(bytes: Uint8Array): Promise<string> {
  const html = await docxHtml(bytes);
  return html
    .replace(/<li>/g, '- ')
    .replace(/<\/(?:p|li|h[1-6])>/g, '\n')
    .replace(/<[^>]+>/g, '')
    .replace(/&amp;/g, '&')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/\n{2,}/g, '\n');
}

/** Whitespace folded, for comparing text that line wrapping may have broken differently. */
export function fold(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Word tokens (letters and digits) of a text, lower case. */
export function words(text: string): string[] {
  return text.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').match(/[a-z0-9]+/g) ?? [];
}
