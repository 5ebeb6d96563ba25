/**
 * One tenant floods the service with the heaviest work it may ask for; another tenant's trivial
 * query must stay fast, and no job may be re-run as stalled because its own process was busy.
 * (Before the worker-thread pool, the same floods held the other tenant for seconds and BullMQ
 * re-ran jobs whose locks went unrenewed.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from '../../src/app.js';
import { createLogger } from '../../src/logger.js';
import { dropPrefix, testConfig } from '../helpers/app.js';
import { post } from '../helpers/client.js';
import { largeJobAd, largeResume } from '../helpers/large-inputs.js';

const GREEDY = 'greedy-key-0001';
const MODEST = 'modest-key-0002';
const config = testConfig({
  IMAGINATOR_API_KEYS: `greedy:${GREEDY},modest:${MODEST}`,
  IMAGINATOR_RATE_REQUESTS_PER_MINUTE: '100000',
  IMAGINATOR_RATE_ENHANCEMENTS_PER_MINUTE: '100000',
  IMAGINATOR_DAILY_BUDGET_USD: '1000',
});
const as = (key: string) => ({ authorization: `Bearer ${key}` });
/** Normal is a few milliseconds; the floods below held it for several seconds before the pool. */
const BOUND_MS = 2_500;

let app: App;
let stalled = 0;
beforeAll(async () => {
  // Short locks: a loop held for more than a second lets them lapse and the job re-run.
  app = await startApp({ config, role: 'all', logger: createLogger('silent'), lockDurationMs: 2_000 });
  app.worker!.worker.on('stalled', () => stalled++);
});
afterAll(async () => {
  await app?.close();
  await dropPrefix(config.prefix);
});

/** Sends the modest tenant's trivial query again and again until `until` settles; the latencies. */
async function probe(until: Promise<unknown>): Promise<number[]> {
  let done = false;
  void until.finally(() => (done = true));
  const latencies: number[] = [];
  while (!done) {
    const started = performance.now();
    const { status, body } = await post(app.api!.url, '{ enhancements(first: 1) { edges { cursor } } }', undefined, as(MODEST));
    latencies.push(performance.now() - started);
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return latencies;
}

const VERIFY = `query Audit($o1: String!, $t1: String!, $o2: String!, $t2: String!, $o3: String!, $t3: String!, $job: String) {
  a: verifyTailoring(original: $o1, tailored: $t1, jobAd: $job) { faithful }
  b: verifyTailoring(original: $o2, tailored: $t2, jobAd: $job) { faithful }
  c: verifyTailoring(original: $o3, tailored: $t3, jobAd: $job) { faithful }
}`;

describe('a tenant flooding the heaviest work', () => {
  it("does not hold another tenant's query: maximum-size audits", { timeout: 180_000 }, async () => {
    const job = largeJobAd(30_000);
    const flood = Promise.all(
      Array.from({ length: 8 }, (_, r) => {
        const v = (i: number) => largeResume(60_000, r * 10 + i);
        const variables = { o1: v(1), t1: v(2), o2: v(3), t2: v(4), o3: v(5), t3: v(6), job };
        return post(app.api!.url, VERIFY, variables, as(GREEDY));
      }),
    );
    const latencies = await probe(flood);
    for (const { status, body } of await flood) {
      expect(status).toBe(200);
      expect(body.errors).toBeUndefined();
    }
    expect(latencies.length).toBeGreaterThan(0);
    expect(Math.max(...latencies)).toBeLessThan(BOUND_MS);
  });

  it("does not hold another tenant's query, nor let a lock lapse: maximum-size enhancements", { timeout: 240_000 }, async () => {
    const ids: string[] = [];
    for (let i = 0; i < 16; i++) {
      const { body } = await post<{ startEnhancement: { id: string } }, unknown>(
        app.api!.url,
        'mutation($input: EnhancementInput!) { startEnhancement(input: $input) { id } }',
        { input: { resumeText: largeResume(60_000, 100 + i), jobAd: largeJobAd(30_000, i) } },
        as(GREEDY),
      );
      expect(body.errors).toBeUndefined();
      ids.push(body.data!.startEnhancement.id);
    }
    const allDone = (async () => {
      for (;;) {
        const records = await Promise.all(ids.map((id) => app.store.get(id)));
        if (records.every((r) => r && ['COMPLETED', 'FAILED', 'CANCELLED'].includes(r.status))) return records;
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    })();
    const latencies = await probe(allDone);
    const records = await allDone;
    expect(records.map((r) => r!.status)).toEqual(ids.map(() => 'COMPLETED'));
    expect(Math.max(...latencies)).toBeLessThan(BOUND_MS);
    expect(stalled).toBe(0);
  });
});
