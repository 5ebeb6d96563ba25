/** PDF: the text layer through pdf.js, page by page, in reading order (see pdf-layout.ts). */
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
// @ts-expect-error pdf.js ships no types for its worker module
import * as pdfjsWorker from 'pdfjs-dist/legacy/build/pdf.worker.mjs';
import type { TextItem } from 'pdfjs-dist/types/src/display/api.js';
import { checkPdfStreams } from './pdf-guard.js';
import { layoutPage, type Run } from './pdf-layout.js';
import { unreadable, type ImportedText, type ImportLimits } from './types.js';

/** Letters and digits a page must hold to count as having a text layer (not stray marks). */
const MIN_TEXT_CHARS = 20;

// pdf.js runs its parser in this thread (there is no browser worker here); handed the module now, it
// does not import it on the first read, inside that read's time limit.
(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = pdfjsWorker;

export async function readPdf(bytes: Uint8Array, limits: ImportLimits): Promise<ImportedText> {
  const { images } = checkPdfStreams(bytes, limits.maxDecompressedBytes);
  const task = getDocument({
    // pdf.js takes a plain Uint8Array only (a Node Buffer is refused).
    data: Buffer.isBuffer(bytes) ? new Uint8Array(bytes) : bytes,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  let pdf;
  try {
    pdf = await task.promise;
  } catch (error) {
    const name = (error as { name?: string }).name;
    if (name === 'PasswordException') throw unreadable('the PDF is encrypted with a password');
    throw unreadable('the PDF is damaged or not a PDF');
  }
  try {
    const warnings: string[] = [];
    const pages = Math.min(pdf.numPages, limits.maxPages);
    if (pdf.numPages > pages) warnings.push(`the PDF has ${pdf.numPages} pages; only the first ${pages} were read`);
    const pageTexts: string[] = [];
    const reorderedPages: number[] = [];
    for (let number = 1; number <= pages; number++) {
      const page = await pdf.getPage(number);
      const content = await page.getTextContent({ disableNormalization: false });
      const runs: Run[] = [];
      for (const item of content.items) {
        if (!('str' in item)) continue;
        const { str, transform, width } = item as TextItem;
        if (!str) continue;
        runs.push({ str, x: transform[4], y: transform[5], width, size: Math.hypot(transform[2], transform[3]) || 1 });
      }
      const layout = layoutPage(runs);
      if (layout.reordered) reorderedPages.push(number);
      pageTexts.push(layout.lines.join('\n'));
      page.cleanup();
    }
    const text = pageTexts.join('\n\n').replace(/\n{3,}/g, '\n\n').trim();
    if ((text.match(/[\p{L}\p{N}]/gu)?.length ?? 0) < MIN_TEXT_CHARS) {
      throw unreadable(
        images > 0
          ? 'the PDF has no text layer (a scan or images of text): export it from the original document, or run OCR first'
          : 'the PDF holds no readable text',
      );
    }
    if (reorderedPages.length) {
      warnings.push(`two columns re-ordered (page ${reorderedPages.join(', ')}): the left column is read before the right one`);
    }
    if (images) warnings.push('images skipped: only the text layer is read');
    return { text, mediaType: 'application/pdf', pages: pdf.numPages, warnings };
  } finally {
    await pdf.destroy();
  }
}
