/**
 * throughput: full seven-stage enhancements per second through the real worker (BullMQ job →
 * orchestrator → gateway → stage cache → one Lua write per event, published and stored), with an
 * instant in-process provider, against raw BullMQ no-op jobs per second on the same Redis with the
 * same worker concurrency and the same job options.
 *
 * Method (both sides alike): a warm-up batch runs first; then the worker is paused, N jobs are
 * queued, and the clock runs from resume() until the N-th job has completed. Records (and their
 * QUEUED events) are created before the clock starts: this figure is the worker's rate; the API's
 * share is measured by `query` and `cached`.
 */
import { Queue, Worker } from 'bullmq';
import { startApp, type App } from '../src/app.js';
import { createLogger } from '../src/logger.js';
import { EnhancementQueue, QUEUE_NAME } from '../src/queue/index.js';
import { connectRedis } from '../src/redis.js';
import { STAGES } from '../src/domain/graph.js';
import { completions, inParallel } from './lib/jobs.js';
import {
  benchConfig,
  benchPrefix,
  dropPrefix,
  instantGateway,
  isMain,
  profiled,
  ratio,
  REDIS_URL,
  round,
  runAsMain,
  uniqueInput,
  type BenchResult,
} from './lib/common.js';

const N = Number(process.env.BENCH_THROUGHPUT_N ?? 5_000);
const WARMUP = Number(process.env.BENCH_THROUGHPUT_WARMUP ?? 1_000);
const CONCURRENCY = Number(process.env.BENCH_THROUGHPUT_CONCURRENCY ?? 100);
const TARGET = 1_000;

async function enhancementsPerSecond(): Promise<{ rate: number; checked: string }> {
  const prefix = benchPrefix('throughput');
  const config = benchConfig(prefix, { IMAGINATOR_WORKER_CONCURRENCY: String(CONCURRENCY) });
  const { gateway, provider } = instantGateway(config);
  let app: App | null = null;
  try {
    app = await startApp({ config, role: 'worker', logger: createLogger('silent'), gateway });
    const worker = app.worker!.worker;
    const store = app.store;
    const producer = connectRedis(config.redisUrl, { name: 'bench-producer', blocking: true });
    const queue = new EnhancementQueue(producer, store.keys.queuePrefix());
    const create = async (tag: string): Promise<string> => {
      const record = await store.create({ tenant: 'anonymous', requestedStages: [...STAGES], input: { ...uniqueInput(tag), extractedSkills: [], domainInsights: null, confidenceThreshold: 0.7, creativity: 'BALANCED', asOf: '2025-01-01', bypassCache: true } });
      await queue.enqueue(record.id);
      return record.id;
    };

    // Warm-up: JIT, connections, LRU.
    const warm = completions(worker, WARMUP);
    await inParallel(WARMUP, 50, async (i) => void (await create(`warm-${i}`)));
    await warm;

    await worker.pause();
    const ids: string[] = [];
    await inParallel(N, 50, async (i) => void ids.push(await create(`run-${i}`)));
    const callsBefore = provider.calls;
    const done = completions(worker, N);
    const t0 = performance.now();
    await profiled('throughput', async () => {
      worker.resume();
      await done;
    });
    const seconds = (performance.now() - t0) / 1000;

    // Every enhancement COMPLETED, with all its events stored (QUEUED + 2 per stage + COMPLETED).
    const check = producer.pipeline();
    for (const id of ids) check.hget(store.keys.record(id), 'status').xlen(store.keys.events(id));
    const replies = (await check.exec())!;
    const expectedEvents = 1 + STAGES.length * 2 + 1;
    let bad = 0;
    for (let i = 0; i < ids.length; i++) {
      if (replies[2 * i]![1] !== 'COMPLETED' || replies[2 * i + 1]![1] !== expectedEvents) bad++;
    }
    if (bad) throw new Error(`${bad} of ${ids.length} enhancements did not complete with ${expectedEvents} events`);
    // Eight calls per enhancement: the inputs ask the models afresh (bypassCache), since the table
    // answers STAR alike for every input and the cache would otherwise answer it after the first.
    const calls = provider.calls - callsBefore;
    if (calls !== N * 8) throw new Error(`expected ${N * 8} model calls, got ${calls} (${JSON.stringify(Object.fromEntries(provider.callsByName))} in all)`);
    await queue.close();
    await producer.quit();
    return { rate: N / seconds, checked: `${N} COMPLETED, ${expectedEvents} events each, ${calls} model calls` };
  } finally {
    await app?.close();
    gateway.close();
    await dropPrefix(prefix);
  }
}

async function rawBullmqJobsPerSecond(): Promise<number> {
  const prefix = benchPrefix('throughput-raw');
  const connection = connectRedis(REDIS_URL, { name: 'bench-raw', blocking: true });
  const queue = new Queue(QUEUE_NAME, { connection, prefix: `{${prefix}:q}` });
  const opts = { attempts: 3, backoff: { type: 'exponential', delay: 1_000 }, priority: 10, removeOnComplete: { age: 3600, count: 10_000 }, removeOnFail: { age: 24 * 3600 } };
  const worker = new Worker(QUEUE_NAME, async () => 'ok', { connection, prefix: `{${prefix}:q}`, concurrency: CONCURRENCY });
  worker.on('error', () => undefined);
  try {
    const add = (i: number, tag: string): Promise<unknown> => queue.add('noop', { enhancementId: `${tag}-${i}` }, { ...opts, jobId: `${tag}-${i}` });
    const warm = completions(worker, WARMUP);
    await inParallel(WARMUP, 50, async (i) => void (await add(i, 'warm')));
    await warm;
    await worker.pause();
    await inParallel(N, 50, async (i) => void (await add(i, 'run')));
    const done = completions(worker, N);
    const t0 = performance.now();
    worker.resume();
    await done;
    return N / ((performance.now() - t0) / 1000);
  } finally {
    await worker.close();
    await queue.close();
    await connection.quit();
    await dropPrefix(prefix);
  }
}

export async function benchThroughput(): Promise<BenchResult> {
  const raw = await rawBullmqJobsPerSecond();
  const { rate, checked } = await enhancementsPerSecond();
  return {
    name: 'throughput',
    figures: [
      { figure: `raw BullMQ no-op jobs/s (concurrency ${CONCURRENCY}, ${N} jobs)`, value: round(raw, 0), unit: 'jobs/s' },
      {
        figure: `seven-stage enhancements/s, instant provider (concurrency ${CONCURRENCY}, ${N})`,
        value: round(rate, 0),
        unit: 'enh/s',
        baseline: round(raw, 0),
        ratio: ratio(rate, raw),
        target: `>= ${TARGET} enh/s`,
        pass: rate >= TARGET,
      },
    ],
    notes: [`checked: ${checked}`],
  };
}

if (isMain(import.meta.url)) await runAsMain(benchThroughput);
