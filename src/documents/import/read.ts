/**
 * One document's bytes to text: the kind judged from the content, then its reader. Each reader is
 * loaded when a file of its kind first comes, so a thread that reads PDFs never loads mammoth.
 */
import { decodeText, detectKind } from './detect.js';
import { unreadable, type ImportedText, type ImportLimits } from './types.js';

export async function readDocument(bytes: Uint8Array, limits: ImportLimits): Promise<ImportedText> {
  const kind = detectKind(bytes);
  let read: ImportedText;
  switch (kind) {
    case 'pdf':
      read = await (await import('./pdf.js')).readPdf(bytes, limits);
      break;
    case 'zip':
      read = await (await import('./docx.js')).readDocx(bytes, limits);
      break;
    case 'json':
      read = (await import('./json-resume.js')).readJsonResume(decodeText(bytes)!);
      break;
    case 'text':
      read = (await import('./text.js')).readText(decodeText(bytes)!);
      break;
    default:
      throw unreadable('the file is not a PDF, a DOCX, a JSON Resume or text');
  }
  if (read.text.length > limits.maxChars) {
    const cut = read.text.lastIndexOf('\n', limits.maxChars);
    read = {
      ...read,
      text: read.text.slice(0, cut > 0 ? cut : limits.maxChars),
      warnings: [...read.warnings, `the text was cut at ${limits.maxChars} characters`],
    };
  }
  return read;
}
