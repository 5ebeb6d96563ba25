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
  /** A read that has not finished this long after a thread took it is stopped, its thread ended (default 15 s). */
  timeoutMs?: number;
  /** Heap a reading thread may use (default 256 MiB); past it the thread is ended and the file refused. */
  maxHeapMb?: number;
  limits?: Partial<ImportLimits>;
}

/** How long a new thread may take to start and load the readers (tsx compiles them on a cold start). */
const STARTUP_TIMEOUT_MS = 60_000;

/** Every thread is busy and the queue is full: try again shortly. */
export class ImportBusyError extends Error {
  override readonly name = 'ImportBusyError';
}

export class DocumentImportPool {
  private readonly pool: Piscina<ImportTask, ImportTaskResult>;
  private readonly limits: ImportLimits;
  private readonly timeoutMs: number;
  private readonly threads: number;
  private readonly maxQueue: number;
  /**
   * Reads waiting for a thread wait here rather than in piscina's queue, so that a read's time
   * limit starts when a thread takes it: a file is never refused as slow for having waited.
   */
  private readonly waiting: Array<() => void> = [];
  private running = 0;
  /** Settles when a thread has started and loaded the readers: a read's time limit starts after it. */
  private readonly started: Promise<unknown>;

  constructor(options: ImportPoolOptions = {}) {
    this.limits = { ...DEFAULT_IMPORT_LIMITS, ...options.limits };
    this.timeoutMs = options.timeoutMs ?? 15_000;
    this.threads = options.threads ?? Math.min(2, availableParallelism());
    this.maxQueue = options.maxQueue ?? 32;
    this.pool = new Piscina({
      // A JavaScript entry that loads task.ts through tsx: the same under tsx, vitest and node.
      filename: new URL('./worker.mjs', import.meta.url).href,
      name: 'default',
      // Every thread starts with the pool (and a killed one is replaced at once), loading the readers
      // before any read's time limit runs; the pool itself is made at the first import.
      minThreads: this.threads,
      maxThreads: this.threads,
      resourceLimits: { maxOldGenerationSizeMb: options.maxHeapMb ?? 256, maxYoungGenerationSizeMb: 32 },
    });
    this.started = this.pool.run({ ping: true }, { signal: AbortSignal.timeout(STARTUP_TIMEOUT_MS) });
    this.started.catch(() => undefined); // a read that awaits it reports the failure
  }

  /** Reads one document's bytes; throws UnreadableDocumentError for a file with no readable text. */
  async read(bytes: Uint8Array): Promise<ImportedText> {
    if (this.running >= this.threads) {
      if (this.waiting.length >= this.maxQueue) throw new ImportBusyError('every document reader is busy');
      // Woken with the slot of a read that ended (it stays counted in `running`).
      await new Promise<void>((resolve) => this.waiting.push(resolve));
    } else this.running++;
    try {
      return await this.readNow(bytes);
    } finally {
      const next = this.waiting.shift();
      if (next) next();
      else this.running--;
    }
  }

  private async readNow(bytes: Uint8Array): Promise<ImportedText> {
    await this.started;
    const copy = new Uint8Array(bytes); // transferred to the thread, so the caller's buffer stays usable
    let result: ImportTaskResult;
    try {
      result = await this.pool.run({ bytes: copy, limits: this.limits }, { signal: AbortSignal.timeout(this.timeoutMs), transferList: [copy.buffer] });
    } catch (error) {
      const name = (error as { name?: string }).name;
      if (name === 'AbortError') throw new UnreadableDocumentError(`reading the file took longer than ${this.timeoutMs / 1000} s`);
      if ((error as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY') throw new UnreadableDocumentError('the file needs more memory to read than a resume may');
      throw error;
    }
    if (!result.ok) throw new UnreadableDocumentError(result.reason);
    if (!('value' in result)) throw new Error('a reading thread answered a read with a pong');
    return result.value;
  }

  /** Ends the threads (a read still running is abandoned). */
  async close(): Promise<void> {
    await this.pool.destroy();
    // Reads still waiting go on to a closed pool, which refuses them.
    for (const wake of this.waiting.splice(0)) wake();
  }
}
