/**
 * latency-bound: 1,000 seven-stage enhancements whose every model call takes 50 ms, one worker at
 * concurrency 100, against the critical-path ideal: the longest chain of calls (ANALYSIS makes two:
 * profile then fit; then RESEARCH, DRAFT, STAR, POLISH: six calls) × 50 ms × 1,000 / 100 = 3.0 s.
 *
 * Method: records are created and queued with the worker paused (the ideal assumes all 1,000 are
 * there at t = 0); the clock runs from resume() to the 1,000th completion. The provider is the
 * instant table provider behind the real gateway with a 50 ms abortable timer before each answer.
 */
import { startApp, type App } from '../src/app.js';
import { createLogger } from '../src/logger.js';
import { STAGES } from '../src/domain/graph.js';
import { EnhancementQueue } from '../src/queue/index.js';
import { connectRedis } from '../src/redis.js';
import { completions, inParallel } from './lib/jobs.js';
import { benchConfig, benchPrefix, dropPrefix, instantGateway, isMain, profiled, ratio, round, runAsMain, uniqueInput, type BenchResult } from './lib/common.js';

const N = Number(process.env.BENCH_LATENCY_N ?? 1_000);
const CONCURRENCY = 100;
const CALL_MS = 50;
/** Model calls on the longest path of the stage graph. */
const CRITICAL_CALLS = 6;
const TARGET_RATIO = 1.05;

export async function benchLatencyBound(): Promise<BenchResult> {
  const prefix = benchPrefix('latency');
  const config = benchConfig(prefix, { IMAGINATOR_WORKER_CONCURRENCY: String(CONCURRENCY) });
  const { gateway, provider } = instantGateway(config, CALL_MS);
  let app: App | null = null;
  const producer = connectRedis(config.redisUrl, { name: 'bench-producer', blocking: true });
  try {
    app = await startApp({ config, role: 'worker', logger: createLogger('silent'), gateway });
    const worker = app.worker!.worker;
    const queue = new EnhancementQueue(producer, app.store.keys.queuePrefix());
    const create = async (tag: string): Promise<void> => {
      const input = { ...uniqueInput(tag), extractedSkills: [], domainInsights: null, confidenceThreshold: 0.7, creativity: 'BALANCED' as const, asOf: '2025-01-01', bypassCache: true };
      const record = await app!.store.create({ tenant: 'anonymous', requestedStages: [...STAGES], input });
      await queue.enqueue(record.id);
    };
    // A short warm-up (JIT, connections), then the measured batch.
    const warm = completions(worker, CONCURRENCY);
    await inParallel(CONCURRENCY, 50, (i) => create(`warm-${i}`));
    await warm;
    await worker.pause();
    await inParallel(N, 50, (i) => create(`run-${i}`));
    const callsBefore = provider.calls;
    const done = completions(worker, N);
    const t0 = performance.now();
    await profiled('latency-bound', async () => {
      worker.resume();
      await done;
    });
    const wallMs = performance.now() - t0;
    const calls = provider.calls - callsBefore;
    if (calls !== N * 8) throw new Error(`expected ${N * 8} model calls, got ${calls}`);
    await queue.close();
    const ideal = (CRITICAL_CALLS * CALL_MS * N) / CONCURRENCY;
    const r = wallMs / ideal;
    return {
      name: 'latency-bound',
      figures: [
        {
          figure: `wall time, ${N} enhancements, ${CALL_MS} ms per call, concurrency ${CONCURRENCY}`,
          value: round(wallMs, 0),
          unit: 'ms',
          baseline: ideal,
          ratio: ratio(wallMs, ideal),
          target: `<= ${TARGET_RATIO} x ideal`,
          pass: r <= TARGET_RATIO,
        },
        { figure: 'per-enhancement overhead over the ideal chain', value: round(((wallMs - ideal) * CONCURRENCY) / N, 2), unit: 'ms' },
      ],
      notes: [`ideal = ${CRITICAL_CALLS} calls on the longest chain x ${CALL_MS} ms x ${N} / ${CONCURRENCY}; ${calls} model calls made`],
    };
  } finally {
    await app?.close();
    gateway.close();
    await producer.quit();
    await dropPrefix(prefix);
  }
}

if (isMain(import.meta.url)) await runAsMain(benchLatencyBound);
