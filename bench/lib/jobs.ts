import type { Worker } from 'bullmq';

/** Runs `count` tasks with at most `width` in flight. */
export async function inParallel(count: number, width: number, task: (i: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(width, count) }, async () => {
      while (next < count) await task(next++);
    }),
  );
}

/** Resolves when `worker` has completed `count` more jobs; a failed job rejects. */
export function completions(worker: Worker, count: number): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = 0;
    const onCompleted = (): void => {
      if (++seen === count) {
        worker.off('completed', onCompleted);
        worker.off('failed', onFailed);
        resolve();
      }
    };
    const onFailed = (_job: unknown, error: Error): void => reject(error);
    worker.on('completed', onCompleted);
    worker.on('failed', onFailed);
  });
}
