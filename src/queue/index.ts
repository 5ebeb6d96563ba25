import { Queue, type ConnectionOptions } from 'bullmq';

export const QUEUE_NAME = 'enhancements';

export interface EnhancementJobData {
  enhancementId: string;
}

/** BullMQ priorities (1 is the highest). A job without one would go before all of these. */
export const PRIORITY = { waitingCaller: 1, background: 10 } as const;

export interface EnqueueOptions {
  /** A caller waiting synchronously (`runEnhancement`) goes before background enhancements. */
  priority?: number;
}

/** Job-level retries: for transient failures outside the gateway (a worker losing Redis mid-stage). */
export const JOB_ATTEMPTS = 3;

export class EnhancementQueue {
  readonly queue: Queue<EnhancementJobData>;

  constructor(connection: ConnectionOptions, prefix: string) {
    this.queue = new Queue<EnhancementJobData>(QUEUE_NAME, { connection, prefix });
  }

  async enqueue(enhancementId: string, options: EnqueueOptions = {}): Promise<void> {
    await this.queue.add(
      'enhance',
      { enhancementId },
      {
        // The enhancement id is the job id: enqueuing twice is a no-op.
        jobId: enhancementId,
        attempts: JOB_ATTEMPTS,
        backoff: { type: 'exponential', delay: 1_000 },
        priority: options.priority ?? PRIORITY.background,
        // The record holds the result; a finished job is only memory.
        removeOnComplete: true,
        removeOnFail: { age: 24 * 3600 },
      },
    );
  }

  /** Removes a job that no worker has taken yet; a running one stops by itself on cancellation. */
  async discard(enhancementId: string): Promise<void> {
    const job = await this.queue.getJob(enhancementId);
    if (!job) return;
    await job.remove().catch(() => undefined);
  }

  /** True when the queue answers (for `/readyz`). */
  async usable(): Promise<boolean> {
    try {
      await this.queue.getJobCounts('waiting');
      return true;
    } catch {
      return false;
    }
  }

  close(): Promise<void> {
    return this.queue.close();
  }
}
