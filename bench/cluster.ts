/**
 * cluster: the same work on one Redis and on a local Redis Cluster (3 masters, a replica each, all
 * on this machine), in one run; then a failover.
 *
 * - seven-stage throughput: N enhancements (records created and queued first) through one worker
 *   process with an instant provider; enhancements per second from resume() to the N-th completion.
 * - cached p50: `runEnhancement` over HTTP of an input whose every stage answer is cached.
 * - failover: M enhancements mid-run (every model call 150 ms), the master serving the queue killed;
 *   the time from its death to the last COMPLETED event, and the longest pause any subscriber saw.
 */
import WebSocket from 'ws';
import { startApp, type App } from '../src/app.js';
import { followEnhancement } from '../src/client/follow.js';
import { STAGES } from '../src/domain/graph.js';
import { createGateway } from '../src/gateway/index.js';
import { createLogger } from '../src/logger.js';
import { PrivateCluster } from '../test/helpers/redis-cluster.js';
import { delayedGateway } from '../test/helpers/gateways.js';
import { completions, inParallel } from './lib/jobs.js';
import { benchConfig, benchPrefix, dropPrefix, instantGateway, isMain, round, runAsMain, summarize, uniqueInput, type BenchFigure, type BenchResult } from './lib/common.js';

const N = Number(process.env.BENCH_CLUSTER_N ?? 1_000);
const CACHED = Number(process.env.BENCH_CLUSTER_CACHED ?? 200);
const FAILOVER = Number(process.env.BENCH_CLUSTER_FAILOVER ?? 20);

const input = (tag: string) => ({ ...uniqueInput(tag), extractedSkills: [], domainInsights: null, confidenceThreshold: 0.7, creativity: 'BALANCED' as const, asOf: '2025-01-01', bypassCache: true });

async function measure(env: Record<string, string>): Promise<{ rate: number; cachedP50: number }> {
  const prefix = benchPrefix('cluster');
  const config = benchConfig(prefix, { IMAGINATOR_WORKER_CONCURRENCY: '100', ...env });
  const { gateway } = instantGateway(config);
  let app: App | null = null;
  try {
    app = await startApp({ config, role: 'all', logger: createLogger('silent'), gateway });
    const worker = app.worker!.worker;
    const create = async (tag: string) => {
      const record = await app!.store.create({ tenant: 'anonymous', requestedStages: [...STAGES], input: input(tag) });
      await app!.queue.enqueue(record.id);
    };
    const warm = completions(worker, 100);
    await inParallel(100, 50, (i) => create(`warm-${i}`));
    await warm;
    await worker.pause();
    await inParallel(N, 50, (i) => create(`run-${i}`));
    const done = completions(worker, N);
    const t0 = performance.now();
    worker.resume();
    await done;
    const rate = N / ((performance.now() - t0) / 1000);

    const run = async () => {
      const started = performance.now();
      const response = await fetch(app!.api!.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          query: 'mutation($input: EnhancementInput!) { runEnhancement(input: $input) { status finalResumeMarkdown } }',
          variables: { input: { ...uniqueInput('cached'), stages: STAGES } },
        }),
      });
      const body = (await response.json()) as { data?: { runEnhancement: { status: string } } };
      if (body.data?.runEnhancement.status !== 'COMPLETED') throw new Error(`runEnhancement: ${JSON.stringify(body)}`);
      return performance.now() - started;
    };
    await run(); // fills the cache
    const samples: number[] = [];
    for (let i = 0; i < CACHED; i++) samples.push(await run());
    return { rate, cachedP50: summarize(samples).p50 };
  } finally {
    await app?.close();
    gateway.close();
    if (!env.REDIS_CLUSTER_NODES) await dropPrefix(prefix);
  }
}

async function failover(): Promise<{ lastCompletionMs: number; longestStallMs: number }> {
  const cluster = await PrivateCluster.start();
  const config = benchConfig(benchPrefix('failover'), { REDIS_CLUSTER_NODES: cluster.seeds });
  let app: App | null = null;
  try {
    app = await startApp({ config, role: 'all', logger: createLogger('silent'), gateway: delayedGateway(createGateway(config), 150) });
    const ids: string[] = [];
    for (let i = 0; i < FAILOVER; i++) {
      const record = await app.store.create({ tenant: 'anonymous', requestedStages: [...STAGES], input: input(`failover-${i}`) });
      await app.queue.enqueue(record.id);
      ids.push(record.id);
    }
    let events = 0;
    let lastEventAt = 0;
    let longestStallMs = 0;
    const following = ids.map((id) => {
      let last = Date.now();
      return followEnhancement({
        url: app!.api!.wsUrl,
        id,
        webSocketImpl: WebSocket,
        maxReconnects: 100,
        onEvent: () => {
          const now = Date.now();
          longestStallMs = Math.max(longestStallMs, now - last);
          last = lastEventAt = now;
          events += 1;
        },
      }).done;
    });
    while (events < FAILOVER * 3) await new Promise((resolve) => setTimeout(resolve, 20));
    const killedAt = Date.now();
    await cluster.kill(await cluster.masterOf(`{${config.prefix}:q}`));
    const ends = await Promise.all(following);
    if (ends.some((e) => e?.type !== 'COMPLETED')) throw new Error('an enhancement did not complete after the failover');
    return { lastCompletionMs: lastEventAt - killedAt, longestStallMs };
  } finally {
    await app?.close().catch(() => undefined);
    await cluster.stop();
  }
}

export async function benchCluster(): Promise<BenchResult> {
  const single = await measure({});
  const cluster = await PrivateCluster.start();
  let clustered: { rate: number; cachedP50: number };
  try {
    clustered = await measure({ REDIS_CLUSTER_NODES: cluster.seeds });
  } finally {
    await cluster.stop();
  }
  const over = await failover();
  const figures: BenchFigure[] = [
    { figure: 'seven-stage enhancements/s, one Redis', value: round(single.rate, 1), unit: '/s' },
    { figure: 'seven-stage enhancements/s, cluster', value: round(clustered.rate, 1), unit: '/s', baseline: round(single.rate, 1), ratio: round(clustered.rate / single.rate, 2) },
    { figure: 'cached runEnhancement p50, one Redis', value: round(single.cachedP50, 2), unit: 'ms' },
    { figure: 'cached runEnhancement p50, cluster', value: round(clustered.cachedP50, 2), unit: 'ms', baseline: round(single.cachedP50, 2), ratio: round(clustered.cachedP50 / single.cachedP50, 2) },
    { figure: 'failover: master death to last completion', value: over.lastCompletionMs, unit: 'ms' },
    { figure: 'failover: longest subscriber stall', value: over.longestStallMs, unit: 'ms' },
  ];
  return {
    name: 'cluster',
    figures,
    notes: [`${N} enhancements per throughput run, ${CACHED} cached runs, ${FAILOVER} enhancements in the failover; every node on this machine`],
  };
}

if (isMain(import.meta.url)) await runAsMain(benchCluster);
