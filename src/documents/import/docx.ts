/**
 * DOCX: the zip's directory is checked first (entry count, declared sizes, encryption) so a zip
 * bomb is refused before anything is inflated; then each entry is inflated once with yauzl, which
 * fails an entry that inflates past its declared size (a bomb that lies in its directory); only
 * then does mammoth read the document into HTML, which html-to-text turns into lines.
 */
import { convert } from 'html-to-text';
import mammoth from 'mammoth';
import yauzl from 'yauzl';
import { unreadable, type ImportedText, type ImportLimits } from './types.js';

const MiB = 1024 * 1024;

async function checkZip(buffer: Buffer, limits: ImportLimits): Promise<void> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(buffer, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false });
  } catch {
    throw unreadable('the file is a damaged zip, not a readable DOCX');
  }
  try {
    if (zip.entryCount > limits.maxZipEntries) throw unreadable(`the DOCX holds ${zip.entryCount} files; at most ${limits.maxZipEntries} are read`);
    const entries: yauzl.Entry[] = [];
    let declared = 0;
    let hasDocument = false;
    for await (const entry of zip.eachEntry()) {
      if (entry.isEncrypted()) throw unreadable('the DOCX is encrypted');
      declared += entry.uncompressedSize;
      if (declared > limits.maxDecompressedBytes) {
        throw unreadable(`the DOCX expands to more than ${Math.round(limits.maxDecompressedBytes / MiB)} MiB (a zip bomb or not a resume)`);
      }
      if (entry.fileName === 'word/document.xml') hasDocument = true;
      entries.push(entry);
    }
    if (!hasDocument) throw unreadable('the zip is not a DOCX (it has no word/document.xml)');
    for (const entry of entries) {
      const stream = await zip.openReadStreamPromise(entry);
      // yauzl errors the stream when the entry inflates to more (or less) than its directory says.
      for await (const _chunk of stream);
    }
  } catch (error) {
    if (error instanceof Error && error.name === 'UnreadableDocumentError') throw error;
    throw unreadable('the DOCX is damaged (an entry does not inflate to its declared size)');
  } finally {
    zip.close();
  }
}

export async function readDocx(bytes: Uint8Array, limits: ImportLimits): Promise<ImportedText> {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  await checkZip(buffer, limits);
  let images = 0;
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer },
      {
        // Images are counted and dropped, never read: only text is imported.
        convertImage: mammoth.images.imgElement(async () => {
          images++;
          return { src: '' };
        }),
        externalFileAccess: false,
      },
    );
    html = result.value;
  } catch {
    throw unreadable('the DOCX is damaged: its document could not be read');
  }
  const tables = html.match(/<table\b/g)?.length ?? 0;
  const text = convert(html, {
    wordwrap: false,
    selectors: [
      { selector: 'img', format: 'skip' },
      { selector: 'p', options: { leadingLineBreaks: 1, trailingLineBreaks: 1 } },
      { selector: 'a', options: { ignoreHref: true } },
      ...(['h1', 'h2', 'h3', 'h4', 'h5', 'h6'] as const).map((h) => ({ selector: h, options: { uppercase: false, leadingLineBreaks: 2, trailingLineBreaks: 1 } })),
      { selector: 'ul', options: { itemPrefix: '- ' } },
      // A table is flattened: each cell a line of its own, row by row.
      { selector: 'table', format: 'block', options: { leadingLineBreaks: 1, trailingLineBreaks: 1 } },
      { selector: 'tr', format: 'block', options: { leadingLineBreaks: 1, trailingLineBreaks: 1 } },
      { selector: 'td', format: 'block', options: { leadingLineBreaks: 1, trailingLineBreaks: 1 } },
      { selector: 'th', format: 'block', options: { leadingLineBreaks: 1, trailingLineBreaks: 1 } },
    ],
  })
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  if (!/[\p{L}\p{N}]/u.test(text)) throw unreadable('the DOCX holds no text');
  const warnings: string[] = [];
  if (tables) warnings.push(`${tables} table${tables === 1 ? '' : 's'} flattened: each cell is read as a line, row by row`);
  if (images) warnings.push(`${images} image${images === 1 ? '' : 's'} skipped: only text is read`);
  return {
    text,
    mediaType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    pages: null,
    warnings,
  };
}
