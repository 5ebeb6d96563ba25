/**
 * Documents are read off the event loop, in worker threads (piscina), each read bounded in time
 * and heap: a hostile file can at worst cost one thread its time limit, and the API keeps serving.
 * A small pool of its own, made to fold into a general CPU pool later: the task is one file
 * (task.ts) and one call (`read`).
 */
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { ImportTask, ImportTaskResult } from './task.js';
import { DEFAULT_IMPORT_LIMITS, UnreadableDocumentError, type ImportedText, type ImportLimits } from './types.js';

export interface ImportPoolOptions {
  /** Threads reading at once (default: the cores, at most 2). */
  threads?: number;
  /** Reads waiting for a thread; past it a read is refused as busy (default 32). */
  maxQueue?: number;
  /** A read that has not finished this long after it was asked for is stopped, its thread ended (default 15 s). */
  timeoutMs?: number;
  /** Heap a reading thread may use (default 256 MiB); past it the thread is ended and the file refused. */
  maxHeapMb?: number;
  limits?: Partial<ImportLimits>;
}

/** Every thread is busy and the queue is full: try again shortly. */
export class ImportBusyError extends Error {
  override readonly name = 'ImportBusyError';
}

export class DocumentImportPool {
  private readonly pool: Piscina<ImportTask, ImportTaskResult>;
  private readonly limits: ImportLimits;
  private readonly timeoutMs: number;

  constructor(options: ImportPoolOptions = {}) {
    this.limits = { ...DEFAULT_IMPORT_LIMITS, ...options.limits };
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.pool = new Piscina({
      // A JavaScript entry that loads task.ts through tsx: the same under tsx, vitest and node.
      filename: new URL('./worker.mjs', import.meta.url).href,
      name: 'default',
      minThreads: 0,
      maxThreads: options.threads ?? Math.min(2, availableParallelism()),
      maxQueue: options.maxQueue ?? 32,
      idleTimeout: 30_000,
      resourceLimits: { maxOldGenerationSizeMb: options.maxHeapMb ?? 256, maxYoungGenerationSizeMb: 32 },
    });
  }

  /** Reads one document's bytes; throws UnreadableDocumentError for a file with no readable text. */
  async read(bytes: Uint8Array): Promise<ImportedText> {
    if (this.pool.queueSize >= this.pool.options.maxQueue) throw new ImportBusyError('every document reader is busy');
    const copy = new Uint8Array(bytes); // transferred to the thread, so the caller's buffer stays usable
    let result: ImportTaskResult;
    try {
      result = await this.pool.run({ bytes: copy, limits: this.limits }, { signal: AbortSignal.timeout(this.timeoutMs), transferList: [copy.buffer] });
    } catch (error) {
      const name = (error as { name?: string }).name;
      if (name === 'AbortError') throw new UnreadableDocumentError(`reading the file took longer than ${this.timeoutMs / 1000} s`);
      if ((error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY') throw new UnreadableDocumentError('the file needs more memory to read than a resume may');
      if ((error as Error).message === 'Task queue is at limit') throw new ImportBusyError('every document reader is busy');
      throw error;
    }
    if (!result.ok) throw new UnreadableDocumentError(result.reason);
    return result.value;
  }

  /** Ends the threads (a read still running is abandoned). */
  async close(): Promise<void> {
    await this.pool.destroy();
  }
}
