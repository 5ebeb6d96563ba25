/**
 * One document's bytes to text: the kind judged from the content, then its reader. The readers are
 * loaded with this module, when a thread starts, so that loading them never counts against a
 * read's time limit.
 */
import { decodeText, detectKind } from './detect.js';
import { readDocx } from './docx.js';
import { readJsonResume } from './json-resume.js';
import { readPdf } from './pdf.js';
import { readText } from './text.js';
import { unreadable, type ImportedText, type ImportLimits } from './types.js';

export async function readDocument(bytes: Uint8Array, limits: ImportLimits): Promise<ImportedText> {
  const kind = detectKind(bytes);
  let read: ImportedText;
  switch (kind) {
    case 'pdf':
      read = await readPdf(bytes, limits);
      break;
    case 'zip':
      read = await readDocx(bytes, limits);
      break;
    case 'json':
      read = readJsonResume(decodeText(bytes)!);
      break;
    case 'text':
      read = readText(decodeText(bytes)!);
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
