/**
 * A PDF bomb check before pdf.js sees the file: pdf.js keeps a stream's whole decoded data in
 * memory, outside the thread's heap limit, so a small PDF whose content stream inflates to
 * gigabytes would grow the process until the time limit ends it. Here every Flate-compressed
 * stream but an image's is inflated once by zlib with `maxOutputLength` set to what is left of a budget: past
 * it the file is refused, and nothing larger than the budget is ever allocated. The boundaries are
 * found by the `stream`/`endstream` keywords alone; pdf.js still does all of the real parsing.
 */
import { inflateSync, constants } from 'node:zlib';
import { unreadable } from './types.js';

const STREAM = /stream\r?\n/g;
const MiB = 1024 * 1024;

export interface PdfStreams {
  /** Image XObjects in the file (pdf.js never decodes them to read text). */
  images: number;
}

export function checkPdfStreams(bytes: Uint8Array, maxInflatedBytes: number): PdfStreams {
  let images = 0;
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const text = buffer.toString('latin1');
  let budget = maxInflatedBytes;
  for (const match of text.matchAll(STREAM)) {
    const start = match.index + match[0].length;
    // "endstream" is part of the keyword search too: skip the "stream" inside it.
    if (text.startsWith('end', match.index - 3)) continue;
    const end = text.indexOf('endstream', start);
    if (end < 0) break;
    const dictionary = text.slice(Math.max(0, text.lastIndexOf('obj', match.index)), match.index);
    // An image's data is never decoded to read text: counted, not inflated.
    if (/\/Subtype\s*\/Image\b/.test(dictionary)) {
      images++;
      continue;
    }
    if (!/\/FlateDecode|\/Fl\b/.test(dictionary)) continue;
    try {
      budget -= inflateSync(buffer.subarray(start, end), { maxOutputLength: Math.max(1, budget), finishFlush: constants.Z_SYNC_FLUSH }).length;
    } catch (error) {
      if (error instanceof RangeError || (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') {
        throw unreadable(`the PDF's compressed streams expand to more than ${Math.round(maxInflatedBytes / MiB)} MiB (a PDF bomb or not a resume)`);
      }
      // A stream zlib cannot inflate is pdf.js's to judge (it may be damaged, or not Flate after all).
    }
    if (budget <= 0) throw unreadable(`the PDF's compressed streams expand to more than ${Math.round(maxInflatedBytes / MiB)} MiB (a PDF bomb or not a resume)`);
  }
  return { images };
}
