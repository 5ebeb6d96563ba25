/**
 * The worker thread's task (piscina): read one document. Errors cross the thread boundary as
 * plain data, so an unreadable file comes back as an answer, not as a thrown error.
 */
import { readDocument } from './read.js';
import type { ImportedText, ImportLimits } from './types.js';

export type ImportTask = { bytes: Uint8Array; limits: ImportLimits } | { ping: true };

export type ImportTaskResult = { ok: true; value: ImportedText } | { ok: false; unreadable: true; reason: string } | { ok: true; pong: true };

export default async function importTask(task: ImportTask): Promise<ImportTaskResult> {
  // A thread that answers has loaded every reader (this module imports them all).
  if ('ping' in task) return { ok: true, pong: true };
  const { bytes, limits } = task;
  try {
    return { ok: true, value: await readDocument(bytes, limits) };
  } catch (error) {
    if (error instanceof Error && error.name === 'UnreadableDocumentError') return { ok: false, unreadable: true, reason: error.message };
    // Anything else a reader throws on a hostile file is a file we cannot read, not a server fault.
    return { ok: false, unreadable: true, reason: 'the file could not be read' };
  }
}
