import type { Logger } from '../src/logger.js';
import type { EnhancementQueue } from '../src/queue/index.js';
import type { EnhancementStore } from '../src/store/enhancement-store.js';
import { Lease } from '../src/store/lease.js';

export interface DeadlineSweeperOptions {
  store: EnhancementStore;
  queue: EnhancementQueue;
  /** The deadline the enhancements were accepted with (for the message). */
  deadlineMs: number;
  /** How often the holder of the lease looks. */
  intervalMs: number;
  logger?: Logger;
}

export interface DeadlineSweeper {
  /** One pass now (when this process holds the lease): how many enhancements it failed. */
  sweep(): Promise<number>;
  close(): void;
}

const PAGE = 100;

/**
 * Fails enhancements still QUEUED or RUNNING past their deadline with DEADLINE_EXCEEDED, so that no
 * record outlives its deadline even when every worker died. Every process runs one; a lease lets
 * one of them sweep at a time.
 */
export function startDeadlineSweeper(options: DeadlineSweeperOptions): DeadlineSweeper {
  const { store, queue, logger } = options;
  // Held for a pass, then given up: one process sweeps at a time, and nothing stays behind.
  const lease = new Lease(store.redisClient, store.keys.sweeperLock(), 60_000);
  let sweeping: Promise<number> | null = null;

  const pass = async (): Promise<number> => {
    if (!(await lease.hold())) return 0;
    try {
      return await failOverdue();
    } finally {
      await lease.release();
    }
  };
  const failOverdue = async (): Promise<number> => {
    let failed = 0;
    for (;;) {
      const ids = await store.overdue(Date.now(), PAGE);
      for (const id of ids) {
        const ended = await store.emit(id, {
          type: 'FAILED',
          progress: 0,
          message: `the enhancement passed its ${options.deadlineMs} ms deadline`,
          status: 'FAILED',
          error: { code: 'DEADLINE_EXCEEDED', message: `the enhancement passed its ${options.deadlineMs} ms deadline; start it again`, stage: null },
          closeOpenStages: 'SKIPPED',
        });
        if (ended) {
          failed += 1;
          logger?.warn({ enhancementId: id }, 'deadline sweeper failed an enhancement past its deadline');
          await store.redisClient.publish(store.keys.cancelChannel(), id);
          await queue.discard(id);
        }
      }
      await store.forgetDeadlines(ids);
      if (ids.length < PAGE) return failed;
    }
  };
  const sweep = (): Promise<number> => {
    sweeping ??= pass().finally(() => (sweeping = null));
    return sweeping;
  };
  const timer = setInterval(() => {
    sweep().catch((error: unknown) => logger?.warn({ err: String(error) }, 'deadline sweep failed; next in one interval'));
  }, options.intervalMs);
  timer.unref();
  return { sweep, close: () => clearInterval(timer) };
}
