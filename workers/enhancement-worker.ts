import { Worker, type ConnectionOptions } from 'bullmq';
import type { EventHub } from '../src/events/hub.js';
import type { Gateway } from '../src/gateway/types.js';
import { orchestrate } from '../src/pipeline/orchestrator.js';
import type { EnhancementStore } from '../src/store/enhancement-store.js';
import { QUEUE_NAME, type EnhancementJobData } from '../src/queue/index.js';

export interface EnhancementWorkerOptions {
  connection: ConnectionOptions;
  store: EnhancementStore;
  gateway: Gateway;
  /** The process's subscriber hub: cancellations arrive on it. */
  hub: EventHub;
  concurrency: number;
  /** Set when stage-cache entries are shared by all tenants. */
  sharedCacheScope?: string;
}

export interface EnhancementWorker {
  worker: Worker<EnhancementJobData>;
  /** Enhancements this process is running now. */
  readonly running: ReadonlyMap<string, AbortController>;
  close(): Promise<void>;
}

/** Takes enhancement jobs from the queue and runs their stages; a cancellation aborts in-flight model calls. */
export async function startEnhancementWorker(options: EnhancementWorkerOptions): Promise<EnhancementWorker> {
  const { store } = options;
  const running = new Map<string, AbortController>();
  const stopCancelListener = await options.hub.listen(store.keys.cancelChannel(), (id) => {
    running.get(id)?.abort(new Error('cancelled'));
  });

  const worker = new Worker<EnhancementJobData>(
    QUEUE_NAME,
    async (job) => {
      const id = job.data.enhancementId;
      const record = await store.get(id);
      if (!record || (record.status !== 'QUEUED' && record.status !== 'RUNNING')) return 'SKIPPED';
      const controller = new AbortController();
      running.set(id, controller);
      try {
        const deps = { store, gateway: options.gateway, sharedCacheScope: options.sharedCacheScope };
        return await orchestrate(record, deps, controller.signal);
      } finally {
        running.delete(id);
      }
    },
    { connection: options.connection, prefix: store.keys.queuePrefix(), concurrency: options.concurrency },
  );
  worker.on('error', () => undefined); // connection errors are retried by ioredis; BullMQ reports them here

  return {
    worker,
    running,
    async close() {
      stopCancelListener();
      await worker.close();
    },
  };
}
