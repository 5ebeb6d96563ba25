/** What reading a document gives: its text and what a reader should know about how it was read. */
export interface ImportedText {
  text: string;
  /** The type judged from the content (magic bytes), never from the file's name. */
  mediaType: string;
  /** Pages for a PDF; null for formats without pages. */
  pages: number | null;
  warnings: string[];
}

/** Bounds a hostile file cannot pass: each format reader checks the ones that concern it. */
export interface ImportLimits {
  /** PDF pages read; a longer PDF is read up to here, with a warning. */
  maxPages: number;
  /**
   * What a file may inflate to: a DOCX's entries (checked from the zip's directory before inflating
   * anything) or a PDF's compressed streams (inflated with this as the cap).
   */
  maxDecompressedBytes: number;
  /** Entries in a DOCX's zip. */
  maxZipEntries: number;
  /** Characters of text kept (past it the text is cut, with a warning). */
  maxChars: number;
}

export const DEFAULT_IMPORT_LIMITS: ImportLimits = {
  maxPages: 40,
  maxDecompressedBytes: 40 * 1024 * 1024,
  maxZipEntries: 2_000,
  maxChars: 200_000,
};

/** The file holds no text that can be read: a scan without a text layer, an encrypted or corrupt file, an unknown type. */
export class UnreadableDocumentError extends Error {
  override readonly name = 'UnreadableDocumentError';
}

export const unreadable = (reason: string): UnreadableDocumentError => new UnreadableDocumentError(reason);
