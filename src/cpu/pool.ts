/**
 * A pool of worker threads for CPU-heavy work (the deterministic engine, the audit; later document
 * parsing and rendering), so the process's event loop keeps answering requests, renewing BullMQ
 * locks and streaming events while they run.
 *
 * Fair shares: a tenant has at most `perTenant` tasks in the pool at once; the rest of its tasks
 * wait in a line of its own, so one tenant's flood queues behind itself while other tenants' tasks
 * go ahead. The tenant is given per call or taken from the async context (`withCpuTenant`), so a
 * caller deep in the pipeline needs no extra parameter.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';
import type { CpuTaskName, CpuTasks } from './tasks.js';

export interface CpuPoolOptions {
  /** Worker threads. Default: the machine's cores less one (the event loop keeps one), at least 1. */
  threads?: number;
  /** Tasks one tenant may have in the pool at once. Default: half the threads, at least 1. */
  perTenant?: number;
  /** Tasks one tenant may have waiting in its line; past that `run` refuses (CpuQueueFullError). Default 1,000. */
  maxQueuedPerTenant?: number;
}

/** A tenant's line is full: it has too many CPU tasks waiting already. */
export class CpuQueueFullError extends Error {
  override name = 'CpuQueueFullError';
}

/** The caller's signal fired before the task finished (a running task's thread is stopped). */
export class CpuTaskAbortedError extends Error {
  override name = 'CpuTaskAbortedError';
}

const tenantContext = new AsyncLocalStorage<string>();

/** Runs `fn` with CPU tasks it starts (at any depth) counted against `tenant`. */
export function withCpuTenant<T>(tenant: string, fn: () => T): T {
  return tenantContext.run(tenant, fn);
}

/** Tasks started outside any tenant's context share one line. */
const NO_TENANT = '';

interface Waiting {
  start: () => void;
  reject: (error: Error) => void;
}

interface Line {
  running: number;
  waiting: Waiting[];
}

export class CpuPool {
  readonly threads: number;
  readonly perTenant: number;
  private readonly maxQueuedPerTenant: number;
  private readonly lines = new Map<string, Line>();
  private piscina: Piscina | null = null;

  constructor(options: CpuPoolOptions = {}) {
    this.threads = Math.max(1, options.threads ?? availableParallelism() - 1);
    this.perTenant = Math.max(1, options.perTenant ?? Math.floor(this.threads / 2));
    this.maxQueuedPerTenant = options.maxQueuedPerTenant ?? 1_000;
  }

  /** Runs the named task on a pool thread, in the tenant's line. */
  async run<N extends CpuTaskName>(
    task: N,
    input: CpuTasks[N]['in'],
    options: { tenant?: string; signal?: AbortSignal } = {},
  ): Promise<CpuTasks[N]['out']> {
    const { signal } = options;
    if (signal?.aborted) throw new CpuTaskAbortedError('the task was cancelled before it started');
    const tenant = options.tenant ?? tenantContext.getStore() ?? NO_TENANT;
    const line = this.lineOf(tenant);
    await this.turn(line, signal);
    try {
      return (await this.pool().run({ task, input }, { signal })) as CpuTasks[N]['out'];
    } catch (error) {
      if (signal?.aborted) throw new CpuTaskAbortedError('the task was cancelled');
      throw error;
    } finally {
      line.running--;
      line.waiting.shift()?.start();
      if (!line.running && !line.waiting.length) this.lines.delete(tenant);
    }
  }

  /**
   * Starts every thread and loads the task table on it (a thread's first load takes a moment: it
   * compiles the engine), so that no stage's first task spends its time limit on it.
   */
  async warm(): Promise<void> {
    const pool = this.pool();
    await Promise.all(Array.from({ length: this.threads }, () => pool.run({ task: 'warm', input: null })));
  }

  /** Tasks in the pool or waiting, per tenant (metrics, tests). */
  load(): Map<string, { running: number; waiting: number }> {
    return new Map([...this.lines].map(([tenant, line]) => [tenant, { running: line.running, waiting: line.waiting.length }]));
  }

  /** Stops the threads; `force` cancels the tasks they hold instead of letting them finish. */
  async close(force = true): Promise<void> {
    const piscina = this.piscina;
    this.piscina = null;
    await piscina?.close({ force });
  }

  private lineOf(tenant: string): Line {
    let line = this.lines.get(tenant);
    if (!line) this.lines.set(tenant, (line = { running: 0, waiting: [] }));
    return line;
  }

  /** Resolves once the tenant may put one more task into the pool (and counts it as running). */
  private turn(line: Line, signal: AbortSignal | undefined): Promise<void> {
    if (line.running < this.perTenant) {
      line.running++;
      return Promise.resolve();
    }
    if (line.waiting.length >= this.maxQueuedPerTenant) {
      return Promise.reject(new CpuQueueFullError(`${line.waiting.length} CPU tasks of this tenant are waiting already`));
    }
    return new Promise<void>((resolve, reject) => {
      const onAbort = () => {
        const at = line.waiting.indexOf(entry);
        if (at >= 0) line.waiting.splice(at, 1);
        reject(new CpuTaskAbortedError('the task was cancelled while it waited'));
      };
      const entry: Waiting = {
        start: () => {
          signal?.removeEventListener('abort', onAbort);
          line.running++;
          resolve();
        },
        reject,
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      line.waiting.push(entry);
    });
  }

  /** Threads start on first use: a process that never needs them pays nothing. */
  private pool(): Piscina {
    this.piscina ??= new Piscina({
      filename: new URL('./worker.mjs', import.meta.url).href,
      minThreads: this.threads,
      maxThreads: this.threads,
      // Threads stay warm: starting one loads the engine again.
      idleTimeout: 60_000,
    });
    return this.piscina;
  }
}

let shared: CpuPool | null = null;

/**
 * Sizes the process's pool (app start-up). A pool already sized so is kept; one sized otherwise
 * is replaced, and finishes the tasks it holds before its threads stop.
 */
export function configureCpuPool(options: CpuPoolOptions): CpuPool {
  const wanted = new CpuPool(options);
  if (shared && shared.threads === wanted.threads && shared.perTenant === wanted.perTenant) return shared;
  void shared?.close(false);
  shared = wanted;
  return shared;
}

/** The process's one pool, shared by the API and the worker role. */
export function cpuPool(): CpuPool {
  shared ??= new CpuPool();
  return shared;
}
