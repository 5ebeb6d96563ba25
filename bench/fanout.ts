/**
 * fanout: 10,000 WebSocket subscribers on one API process, each following its own enhancement, and
 * 1,000 events/s published; delivery latency from the publish to the client's `next`, the API
 * process's RSS per open subscription, and lost events; against bare graphql-ws with an in-memory
 * pubsub (bench/fanout-baseline.ts) and the same clients, in the same run.
 *
 * Method, both sides alike: the server runs in its own process (--expose-gc); four client processes
 * (bench/fanout-client.ts) open one graphql-ws connection per enhancement, 50 at a time each, with
 * the contract's EnhancementProgress document; each subscription first gets the replayed QUEUED
 * event. Then the server's RSS is read after a full GC (minus its RSS before any client: per
 * subscription). Then one COMPLETED event per enhancement is published at 1,000 events/s (10 s),
 * each carrying `t=<publish time>` in its message; for Imaginator the publisher is a worker's own
 * write path (`EnhancementStore.emit`: Lua append + PUBLISH) in this process, for the baseline it
 * is inside the server. Every subscription must receive both events and end: none lost.
 */
import { EnhancementStore } from '../src/store/enhancement-store.js';
import { STAGES } from '../src/domain/graph.js';
import { connectRedis } from '../src/redis.js';
import { forkTs, type Child } from './lib/child.js';
import { benchPrefix, dropPrefix, isMain, ratio, REDIS_URL, round, runAsMain, summarize, uniqueInput, type BenchResult } from './lib/common.js';
import { inParallel } from './lib/jobs.js';
import { pace } from './lib/pace.js';

const SUBSCRIBERS = Number(process.env.BENCH_FANOUT_SUBSCRIBERS ?? 10_000);
const RATE = 1_000;
const CLIENT_PROCESSES = 4;
const TARGET_P99_MS = 10;
const TARGET_KB_PER_SUB = 40;

interface SideResult {
  latencies: number[];
  kbPerSub: number;
  lost: number;
  errors: number;
  openMs: number;
}

async function runSide(server: Child, ids: string[], publish: () => Promise<void>): Promise<SideResult> {
  const { wsUrl } = await server.ready;
  const before = (await server.ask({ cmd: 'rss' })).rss as number;
  const clients = Array.from({ length: CLIENT_PROCESSES }, () => forkTs('bench/fanout-client.ts', {}));
  try {
    await Promise.all(clients.map((c) => c.ready));
    const t0 = performance.now();
    const opened = await Promise.all(clients.map((c, k) => c.ask({ cmd: 'open', url: wsUrl, ids: ids.filter((_, i) => i % CLIENT_PROCESSES === k) })));
    const openMs = performance.now() - t0;
    const errors = opened.reduce((n, o) => n + o.errors, 0);
    if (errors) throw new Error(`${errors} subscriptions failed to open: ${opened.find((o) => o.firstError)?.firstError}`);
    const after = (await server.ask({ cmd: 'rss' })).rss as number;
    await publish();
    // Everything published: give the last deliveries a moment, then collect.
    let reports: any[] = [];
    for (let wait = 0; wait < 100; wait++) {
      reports = await Promise.all(clients.map((c) => c.ask({ cmd: 'report' })));
      if (reports.reduce((n, r) => n + r.completed, 0) === ids.length) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const received = reports.reduce((n, r) => n + r.received, 0);
    return {
      latencies: reports.flatMap((r) => r.latencies as number[]),
      kbPerSub: (after - before) / 1024 / ids.length,
      lost: 2 * ids.length - received + (ids.length - reports.reduce((n, r) => n + r.completed, 0)),
      errors: reports.reduce((n, r) => n + r.errors, 0),
      openMs,
    };
  } finally {
    await Promise.all(clients.map((c) => c.stop()));
  }
}

export async function benchFanout(): Promise<BenchResult> {
  const prefix = benchPrefix('fanout');
  const redis = connectRedis(REDIS_URL, { name: 'bench-fanout-publisher', enableAutoPipelining: true });
  const store = new EnhancementStore(redis, prefix, 3600);
  try {
    // The enhancements to follow: QUEUED records with their QUEUED event, as the API stores them.
    const ids: string[] = [];
    await inParallel(SUBSCRIBERS, 200, async (i) => {
      const input = { ...uniqueInput(i), extractedSkills: [], domainInsights: null, confidenceThreshold: 0.7, creativity: 'BALANCED' as const, asOf: '2025-01-01', bypassCache: false };
      ids.push((await store.create({ tenant: 'anonymous', requestedStages: [...STAGES], input })).id);
    });

    const baselineServer = forkTs('bench/fanout-baseline.ts', {}, ['--expose-gc']);
    let baseline: SideResult;
    try {
      baseline = await runSide(baselineServer, ids, async () => {
        const { missing } = await baselineServer.ask({ cmd: 'publish', ids, rate: RATE });
        if (missing) throw new Error(`baseline: ${missing} subscriptions were not listening`);
      });
    } finally {
      await baselineServer.stop();
    }

    // With BENCH_PROFILE=DIR the API process profiles its own main thread while the events are
    // published (DIR/fanout-api.cpuprofile): see bench/lib/serve.ts.
    const server = forkTs('bench/lib/serve.ts', {
      REDIS_URL,
      IMAGINATOR_PREFIX: prefix,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      BENCH_ROLE: 'api',
      // One tenant (anonymous) holds all the connections here; the per-key cap (20 by default) is a
      // policy for real clients, not part of the delivery path measured.
      IMAGINATOR_WS_CONNECTIONS_PER_KEY: String(SUBSCRIBERS + 100),
    }, ['--expose-gc']);
    let imaginator: SideResult;
    try {
      imaginator = await runSide(server, ids, async () => {
        let refused = 0;
        await server.ask({ cmd: 'profile-start' });
        await pace(ids.length, RATE, async (i) => {
          const event = await store.emit(ids[i]!, { type: 'COMPLETED', progress: 1, message: `t=${performance.timeOrigin + performance.now()}`, status: 'COMPLETED' });
          if (!event) refused++;
        });
        // The last deliveries and the connections' closing are part of the window too.
        if (process.env.BENCH_PROFILE) await new Promise((resolve) => setTimeout(resolve, 500));
        await server.ask({ cmd: 'profile-stop', name: 'fanout-api' });
        if (refused) throw new Error(`${refused} events were refused`);
      });
    } finally {
      await server.stop();
    }

    const b = summarize(baseline.latencies);
    const s = summarize(imaginator.latencies);
    const p99Pass = s.p99 <= TARGET_P99_MS && s.p99 <= 2 * b.p99;
    return {
      name: 'fanout',
      figures: [
        { figure: `delivery latency p50 (${SUBSCRIBERS} subscribers, ${RATE} events/s)`, value: round(s.p50, 2), unit: 'ms', baseline: round(b.p50, 2), ratio: ratio(s.p50, b.p50) },
        {
          figure: 'delivery latency p99, worker publish to client',
          value: round(s.p99, 2),
          unit: 'ms',
          baseline: round(b.p99, 2),
          ratio: ratio(s.p99, b.p99),
          target: `<= ${TARGET_P99_MS} ms and <= 2 x baseline`,
          pass: p99Pass,
        },
        { figure: 'delivery latency max', value: round(s.max, 2), unit: 'ms', baseline: round(b.max, 2) },
        {
          figure: 'API RSS per open subscription',
          value: round(imaginator.kbPerSub, 1),
          unit: 'KB',
          baseline: round(baseline.kbPerSub, 1),
          ratio: ratio(imaginator.kbPerSub, baseline.kbPerSub),
          target: `<= ${TARGET_KB_PER_SUB} KB`,
          pass: imaginator.kbPerSub <= TARGET_KB_PER_SUB,
        },
        { figure: 'events lost (of 2 per subscriber)', value: imaginator.lost, unit: 'events', baseline: baseline.lost, target: '0', pass: imaginator.lost === 0 && imaginator.errors === 0 },
        { figure: `time to open ${SUBSCRIBERS} subscriptions`, value: round(imaginator.openMs, 0), unit: 'ms', baseline: round(baseline.openMs, 0), ratio: ratio(imaginator.openMs, baseline.openMs) },
      ],
      notes: [`latency samples: ${imaginator.latencies.length} (baseline ${baseline.latencies.length})`],
    };
  } finally {
    await redis.quit();
    await dropPrefix(prefix);
  }
}

if (isMain(import.meta.url)) await runAsMain(benchFanout);
