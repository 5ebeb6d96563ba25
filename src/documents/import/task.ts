/**
 * The worker thread's task (piscina): read one document. Errors cross the thread boundary as
 * plain data, so an unreadable file comes back as an answer, not as a thrown error.
 */
import { readDocument } from './read.js';
import type { ImportedText, ImportLimits } from './types.js';

export interface ImportTask {
  bytes: Uint8Array;
  limits: ImportLimits;
}

export type ImportTaskResult = { ok: true; value: ImportedText } | { ok: false; unreadable: true; reason: string };

export default async function importTask({ bytes, limits }: ImportTask): Promise<ImportTaskResult> {
  try {
    return { ok: true, value: await readDocument(bytes, limits) };
  } catch (error) {
    if (error instanceof Error && error.name === 'UnreadableDocumentError') return { ok: false, unreadable: true, reason: error.message };
    // Anything else a reader throws on a hostile file is a file we cannot read, not a server fault.
    return { ok: false, unreadable: true, reason: 'the file could not be read' };
  }
}
