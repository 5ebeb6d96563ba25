import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOpenAI, type FakeOpenAI } from '../fakes/openai-server.js';
import { dropPrefix, REDIS_URL, uniquePrefix } from '../helpers/app.js';
import { Fleet, startOne, waitForStatus } from '../helpers/fleet.js';
import { answerEveryStage } from '../helpers/model-replies.js';

const prefix = uniquePrefix('sigterm');
const GRACE_MS = 1_500;
let fake: FakeOpenAI;
let fleet: Fleet;

beforeAll(async () => {
  fake = await startFakeOpenAI();
  answerEveryStage(fake);
  fake.when({}, { kind: 'ok', delayMs: 700 });
  fleet = new Fleet({
    REDIS_URL,
    IMAGINATOR_PREFIX: prefix,
    OPENROUTER_API_KEY_1: 'sk-fake',
    OPENROUTER_BASE_URL: fake.url,
    IMAGINATOR_SHUTDOWN_GRACE_MS: String(GRACE_MS),
  });
});
afterAll(async () => {
  await fleet?.stopAll();
  await fake?.close();
  await dropPrefix(prefix);
});

describe('SIGTERM to the all-in-one process during a run', () => {
  it('exits within the grace period; restarted, it completes every enhancement', async () => {
    const first = await fleet.all();
    const ids = await Promise.all(Array.from({ length: 5 }, (_, i) => startOne(first.url, { jobAd: `Role ${i}: Go, Kubernetes` })));
    await expect.poll(() => fake.requests.length, { timeout: 20_000 }).toBeGreaterThanOrEqual(5);

    const signalled = Date.now();
    const code = await first.process.stop('SIGTERM');
    const took = Date.now() - signalled;
    expect(code).toBe(0);
    // The grace period, plus the in-flight model call (at most 700 ms) and closing connections.
    expect(took).toBeLessThan(GRACE_MS + 3_000);
    expect(first.process.output()).not.toMatch(/Error|at .*\.ts:\d+/);

    const second = await fleet.all();
    for (const id of ids) expect(await waitForStatus(second.url, id, ['COMPLETED', 'FAILED'], 45_000)).toBe('COMPLETED');
    await second.process.stop('SIGTERM');
  }, 90_000);

  it('exits at once on a second signal', async () => {
    fake.reset();
    fake.when({}, { kind: 'ok', delayMs: 3_000 });
    const proc = await fleet.all({ IMAGINATOR_SHUTDOWN_GRACE_MS: '20000' });
    await startOne(proc.url, { jobAd: 'Another: Rust', bypassCache: true });
    await expect.poll(() => fake.requests.length, { timeout: 20_000 }).toBeGreaterThan(0);
    proc.process.child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = Date.now();
    const code = await proc.process.stop('SIGTERM');
    expect(code).toBe(1);
    expect(Date.now() - started).toBeLessThan(1_000);
  }, 60_000);
});
