/**
 * One render call for every format: a pure function of plain data (a `RenderJob` in, a
 * `RenderedFile` out). ExportService runs it on the CPU pool (the `render` task, src/cpu/tasks.ts);
 * the file's bytes own their whole ArrayBuffer, so the thread hands them back by transfer, not copy.
 */
import type { ExportFormat, RenderedFile, RenderedLetter, RenderedResume } from '../../domain/rendered-resume.js';
import { letterDocx, resumeDocx } from './docx.js';
import { resumeJson } from './json-resume.js';
import { baseName } from './layout.js';
import { letterMarkdown, resumeMarkdown } from './markdown.js';
import { letterPdf, resumePdf } from './pdf.js';

export type RenderJob =
  | { kind: 'resume'; format: ExportFormat; resume: RenderedResume }
  | { kind: 'letter'; format: Exclude<ExportFormat, 'JSON_RESUME'>; letter: RenderedLetter };

const MEDIA: Record<ExportFormat, { mediaType: string; extension: string }> = {
  MARKDOWN: { mediaType: 'text/markdown; charset=utf-8', extension: 'md' },
  PDF: { mediaType: 'application/pdf', extension: 'pdf' },
  DOCX: { mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', extension: 'docx' },
  JSON_RESUME: { mediaType: 'application/json', extension: 'json' },
};

export async function render(job: RenderJob): Promise<RenderedFile> {
  const bytes = owned(job.kind === 'resume' ? await renderResume(job.resume, job.format) : await renderLetter(job.letter, job.format));
  const { mediaType, extension } = MEDIA[job.format];
  const name = job.kind === 'resume' ? job.resume.name : job.letter.name;
  return { filename: `${baseName(name, job.kind === 'resume' ? 'resume' : 'cover-letter')}.${extension}`, mediaType, bytes };
}

/** The bytes in an ArrayBuffer of their own (a small Node Buffer is a slice of a shared pool, which cannot be transferred). */
function owned(bytes: Uint8Array): Uint8Array {
  return bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer ? bytes : new Uint8Array(bytes);
}

function renderResume(resume: RenderedResume, format: ExportFormat): Uint8Array | Promise<Uint8Array> {
  switch (format) {
    case 'MARKDOWN':
      return new TextEncoder().encode(resumeMarkdown(resume));
    case 'PDF':
      return resumePdf(resume);
    case 'DOCX':
      return resumeDocx(resume);
    case 'JSON_RESUME':
      return resumeJson(resume);
  }
}

function renderLetter(letter: RenderedLetter, format: Exclude<ExportFormat, 'JSON_RESUME'>): Uint8Array | Promise<Uint8Array> {
  switch (format) {
    case 'MARKDOWN':
      return new TextEncoder().encode(letterMarkdown(letter));
    case 'PDF':
      return letterPdf(letter);
    case 'DOCX':
      return letterDocx(letter);
  }
}

export { letterFromMarkdown } from './from-markdown.js';
export { renderModel, resumeFromDocument } from './from-document.js';
export { jsonResumeErrors } from './json-resume.js';
