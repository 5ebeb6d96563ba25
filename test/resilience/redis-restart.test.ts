import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOpenAI, type FakeOpenAI } from '../fakes/openai-server.js';
import { uniquePrefix } from '../helpers/app.js';
import { Fleet, followResuming, startOne, waitForStatus } from '../helpers/fleet.js';
import { answerEveryStage } from '../helpers/model-replies.js';
import { PrivateRedis } from '../helpers/redis-server.js';

let redis: PrivateRedis;
let fake: FakeOpenAI;
let fleet: Fleet;

beforeAll(async () => {
  redis = await PrivateRedis.start();
  fake = await startFakeOpenAI();
  answerEveryStage(fake);
  fake.when({}, { kind: 'ok', delayMs: 150 });
  fleet = new Fleet({
    REDIS_URL: redis.url,
    IMAGINATOR_PREFIX: uniquePrefix('restart'),
    OPENROUTER_API_KEY_1: 'sk-fake',
    OPENROUTER_BASE_URL: fake.url,
  });
});
afterAll(async () => {
  await fleet?.stopAll();
  await fake?.close();
  await redis?.stop();
});

describe('Redis restarting under a run of 20 enhancements', () => {
  it('completes all 20; a subscriber resuming with `after` sees every event exactly once', async () => {
    const api = await fleet.api();
    fleet.worker();
    const ids = await Promise.all(Array.from({ length: 20 }, (_, i) => startOne(api.url, { jobAd: `Job ${i}: TypeScript, Kubernetes` })));
    const followers = ids.map((id) => followResuming(api.wsUrl, id));

    await expect.poll(() => fake.requests.length, { timeout: 20_000 }).toBeGreaterThan(20);
    await redis.down();
    const readyWhileDown = await fetch(api.url.replace('/graphql', '/readyz'));
    expect(readyWhileDown.status).toBe(503);
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await redis.up();

    for (const id of ids) expect(await waitForStatus(api.url, id, ['COMPLETED'], 60_000)).toBe('COMPLETED');
    const followed = await Promise.all(followers);
    for (const [i, { cursors, types }] of followed.entries()) {
      const full = await followResuming(api.wsUrl, ids[i]!);
      expect(cursors).toEqual(full.cursors); // every event, once, in order
      expect(new Set(cursors).size).toBe(cursors.length);
      expect(types.at(-1)).toBe('COMPLETED');
      expect(types.filter((t) => t === 'STAGE_COMPLETED')).toHaveLength(7);
    }
  }, 120_000);
});
