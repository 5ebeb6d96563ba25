import { DelayedError, WaitingError, Worker, type ConnectionOptions } from 'bullmq';
import { withCpuTenant } from '../src/cpu/index.js';
import type { EventHub } from '../src/events/hub.js';
import type { Gateway } from '../src/gateway/types.js';
import type { Logger } from '../src/logger.js';
import { orchestrate, type OrchestratorDeps } from '../src/pipeline/orchestrator.js';
import { QUEUE_NAME, type EnhancementJobData } from '../src/queue/index.js';
import type { EnhancementStore } from '../src/store/enhancement-store.js';
import { TenantSlots } from '../src/queue/tenant-slots.js';

export interface EnhancementWorkerOptions {
  connection: ConnectionOptions;
  store: EnhancementStore;
  gateway: Gateway;
  /** The process's subscriber hub: cancellations arrive on it. */
  hub: EventHub;
  concurrency: number;
  /** Enhancements one tenant may run at once in this process; its others wait in the queue. Default: all of `concurrency`. */
  perTenant?: number;
  /** Set when stage-cache entries are shared by all tenants. */
  sharedCacheScope?: string;
  stageTimeoutMs: number;
  deadlineMs: number;
  observe?: OrchestratorDeps['observe'];
  /** Live previews of writing stages (published, not stored). */
  previews?: OrchestratorDeps['previews'];
  budget?: OrchestratorDeps['budget'];
  logger?: Logger;
  /**
   * How long a job's lock lasts without renewal. A live worker renews it every half of this, so a
   * stage may take far longer; a dead worker's job is taken over by another within about this
   * plus the stalled-check interval.
   */
  lockDurationMs?: number;
}

export interface EnhancementWorker {
  worker: Worker<EnhancementJobData>;
  /** Enhancements this process is running now. */
  readonly running: ReadonlyMap<string, AbortController>;
  /**
   * Stops taking jobs and lets running ones finish for up to `graceMs`; what is still running
   * then is stopped between model calls and returned to the queue, to resume elsewhere from its
   * last completed stage.
   */
  close(graceMs?: number): Promise<void>;
}

class ShuttingDown extends Error {
  override name = 'ShuttingDown';
}

/** Takes enhancement jobs from the queue and runs their stages; a cancellation aborts in-flight model calls. */
export async function startEnhancementWorker(options: EnhancementWorkerOptions): Promise<EnhancementWorker> {
  const { store } = options;
  const running = new Map<string, AbortController>();
  const stopCancelListener = await options.hub.listen(store.keys.cancelChannel(), (id) => {
    running.get(id)?.abort(new Error('cancelled'));
  });
  const deps: OrchestratorDeps = {
    store,
    gateway: options.gateway,
    sharedCacheScope: options.sharedCacheScope,
    stageTimeoutMs: options.stageTimeoutMs,
    deadlineMs: options.deadlineMs,
    observe: options.observe,
    previews: options.previews,
    budget: options.budget,
  };
  const lockDuration = options.lockDurationMs ?? 10_000;
  const slots = new TenantSlots(options.perTenant ?? options.concurrency);

  const worker = new Worker<EnhancementJobData>(
    QUEUE_NAME,
    async (job, token) => {
      const id = job.data.enhancementId;
      const record = await store.get(id);
      if (!record || (record.status !== 'QUEUED' && record.status !== 'RUNNING')) return 'SKIPPED';
      // Over its tenant's share: back to the queue for a moment; the slot goes to another tenant's job.
      if (!slots.acquire(record.tenant)) {
        await job.moveToDelayed(slots.retryAt(), token);
        throw new DelayedError();
      }
      const controller = new AbortController();
      running.set(id, controller);
      const log = options.logger?.child({ enhancementId: id, jobAttempt: job.attemptsMade + 1 });
      log?.info({ stages: record.requestedStages, status: record.status }, 'enhancement started');
      try {
        // CPU work of its stages (the local engine) waits in the tenant's own line of the pool.
        const outcome = await withCpuTenant(record.tenant, () => orchestrate(record, deps, controller.signal));
        log?.info({ outcome }, 'enhancement finished');
        // Ended: nothing for the deadline sweeper to watch.
        if (outcome !== 'STOPPED') await store.forgetDeadlines([id]).catch(() => undefined);
        if (outcome === 'STOPPED' && controller.signal.reason instanceof ShuttingDown) {
          await job.moveToWait(token);
          throw new WaitingError();
        }
        return outcome;
      } finally {
        running.delete(id);
        slots.release(record.tenant);
      }
    },
    {
      connection: options.connection,
      prefix: store.keys.queuePrefix(),
      concurrency: options.concurrency,
      lockDuration,
      stalledInterval: Math.max(1_000, Math.round(lockDuration / 2)),
      maxStalledCount: 5,
    },
  );
  // Connection errors: ioredis reconnects and BullMQ resumes, but they are told, not swallowed.
  worker.on('error', (error) => options.logger?.warn({ err: error.message }, 'worker error'));
  // A job that failed for good (BullMQ moved it to `failed`: no attempt is left) still ends its
  // enhancement; one that will be retried is only told.
  worker.on('failed', (job, error) => {
    if (!job) return;
    const log = options.logger?.child({ enhancementId: job.data.enhancementId, jobAttempt: job.attemptsMade });
    void job
      .isFailed()
      .then(async (final) => {
        log?.warn({ err: error.message, final }, final ? 'job failed for good' : 'job failed; BullMQ retries it');
        if (!final) return;
        await store.emit(job.data.enhancementId, {
          type: 'FAILED',
          progress: 0,
          message: `the worker could not run the enhancement: ${error.message}`,
          status: 'FAILED',
          error: { code: 'WORKER_FAILED', message: 'the worker could not run the enhancement; start it again', stage: null },
          closeOpenStages: 'SKIPPED',
        });
        await store.forgetDeadlines([job.data.enhancementId]);
      })
      .catch((failure: unknown) => log?.warn({ err: String(failure) }, 'could not record the failed job; the deadline sweeper will'));
  });

  return {
    worker,
    running,
    async close(graceMs = 0) {
      const closing = worker.close();
      let timer: NodeJS.Timeout | undefined;
      const graceOver = new Promise<'grace-over'>((resolve) => (timer = setTimeout(() => resolve('grace-over'), graceMs)));
      if ((await Promise.race([closing, graceOver])) === 'grace-over') {
        for (const controller of running.values()) controller.abort(new ShuttingDown());
        await closing;
      }
      clearTimeout(timer);
      stopCancelListener();
    },
  };
}
