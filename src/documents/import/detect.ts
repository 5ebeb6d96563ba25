/**
 * What a file is, judged by its first bytes (magic numbers) and, for text, by whether it decodes:
 * the name and the media type a client sends are never trusted.
 */
export type DocumentKind = 'pdf' | 'zip' | 'json' | 'text';

const startsWith = (bytes: Uint8Array, signature: readonly number[], at = 0): boolean =>
  bytes.length >= at + signature.length && signature.every((byte, i) => bytes[at + i] === byte);

const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const ZIP = [0x50, 0x4b, 0x03, 0x04]; // PK\3\4, a local file header (DOCX is a zip)
const UTF8_BOM = [0xef, 0xbb, 0xbf];
const UTF16LE_BOM = [0xff, 0xfe];
const UTF16BE_BOM = [0xfe, 0xff];

/** Where `%PDF-` may start: PDF readers accept it within the first kilobyte. */
const PDF_HEADER_WINDOW = 1024;

function findPdfHeader(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length - PDF.length, PDF_HEADER_WINDOW);
  for (let i = 0; i <= end; i++) if (startsWith(bytes, PDF, i)) return true;
  return false;
}

/**
 * Decodes text the way a text editor would: a BOM names the encoding, otherwise it must be valid
 * UTF-8. Null for bytes that are not text (invalid UTF-8, NUL bytes, many control characters).
 */
export function decodeText(bytes: Uint8Array): string | null {
  let text: string;
  try {
    if (startsWith(bytes, UTF16LE_BOM)) text = new TextDecoder('utf-16le', { fatal: true }).decode(bytes.subarray(2));
    else if (startsWith(bytes, UTF16BE_BOM)) text = new TextDecoder('utf-16be', { fatal: true }).decode(bytes.subarray(2));
    else text = new TextDecoder('utf-8', { fatal: true }).decode(startsWith(bytes, UTF8_BOM) ? bytes.subarray(3) : bytes);
  } catch {
    return null;
  }
  if (text.includes('\u0000')) return null;
  // Tabs, newlines, carriage returns, form feeds and vertical tabs occur in real text; other C0 controls are binary.
  const controls = text.match(/[\u0001-\u0008\u000e-\u001f\u007f]/g)?.length ?? 0;
  if (controls > Math.max(2, text.length / 1000)) return null;
  return text;
}

export function detectKind(bytes: Uint8Array): DocumentKind | null {
  if (findPdfHeader(bytes)) return 'pdf';
  if (startsWith(bytes, ZIP)) return 'zip';
  const text = decodeText(bytes);
  if (text === null) return null;
  return /^\s*\{/.test(text) ? 'json' : 'text';
}
