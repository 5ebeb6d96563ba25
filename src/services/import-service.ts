/**
 * importResume: a file sent as base64 becomes resume text. The size is checked before decoding,
 * the type is judged from the bytes, and the reading itself runs in the document pool's threads.
 */
import { DocumentImportPool, ImportBusyError, type ImportPoolOptions } from '../documents/import/pool.js';
import { UnreadableDocumentError } from '../documents/import/types.js';

/** The largest file importResume reads, decoded: 5 MiB. */
export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;

export interface DocumentUpload {
  filename: string;
  contentBase64: string;
  /** What the client says the file is; informative only: the type is judged from the content. */
  mediaType?: string | null;
}

export interface ImportedResumeData {
  text: string;
  mediaType: string;
  pages: number | null;
  characters: number;
  warnings: string[];
}

/** The upload itself is wrong (not base64, empty, too large): BAD_USER_INPUT. */
export class DocumentInputError extends Error {
  override readonly name = 'DocumentInputError';
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
  }
}

export { ImportBusyError, UnreadableDocumentError };

const DATA_URL = /^data:[^,]*;base64,/;
const BASE64 = /^[A-Za-z0-9+/_-]*={0,2}$/;

export interface ImportServiceOptions extends ImportPoolOptions {
  maxBytes?: number;
  /** The longest resume an enhancement takes: a longer import says so in its warnings. */
  maxResumeChars: number;
}

export class ImportService {
  private pool: DocumentImportPool | null = null;
  private readonly maxBytes: number;

  constructor(private readonly options: ImportServiceOptions) {
    this.maxBytes = options.maxBytes ?? MAX_DOCUMENT_BYTES;
  }

  /** Decodes the upload, refusing what is not base64 or larger than the limit before decoding it. */
  decode(file: DocumentUpload): Uint8Array {
    const encoded = file.contentBase64.replace(DATA_URL, '').replace(/\s+/g, '');
    if (!encoded) throw new DocumentInputError('the file is empty', 'file.contentBase64');
    if (!BASE64.test(encoded)) throw new DocumentInputError('contentBase64 is not base64', 'file.contentBase64');
    const padding = encoded.endsWith('==') ? 2 : encoded.endsWith('=') ? 1 : 0;
    const size = Math.floor((encoded.length * 3) / 4) - padding;
    if (size > this.maxBytes) {
      throw new DocumentInputError(`the file is ${size} bytes; the limit is ${this.maxBytes} bytes (${this.maxBytes / 1024 / 1024} MiB)`, 'file.contentBase64');
    }
    return new Uint8Array(Buffer.from(encoded, 'base64'));
  }

  async importResume(file: DocumentUpload): Promise<ImportedResumeData> {
    if (file.filename.length > 255) throw new DocumentInputError('filename is longer than 255 characters', 'file.filename');
    const bytes = this.decode(file);
    this.pool ??= new DocumentImportPool(this.options);
    const read = await this.pool.read(bytes);
    const characters = read.text.length;
    const warnings = [...read.warnings];
    if (characters > this.options.maxResumeChars) {
      warnings.push(`the text is ${characters} characters; an enhancement takes at most ${this.options.maxResumeChars}: shorten it before starting`);
    }
    return { text: read.text, mediaType: read.mediaType, pages: read.pages, characters, warnings };
  }

  async close(): Promise<void> {
    await this.pool?.close();
    this.pool = null;
  }
}
