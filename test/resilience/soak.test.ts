import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  closeSocket,
  errorBody,
  raw,
  rateLimited,
  serverError,
  startFakeOpenAI,
  truncated,
  type Behaviour,
  type FakeOpenAI,
} from '../fakes/openai-server.js';
import { dropPrefix, REDIS_URL, uniquePrefix } from '../helpers/app.js';
import { Fleet, followResuming, startOne } from '../helpers/fleet.js';
import { answerEveryStage } from '../helpers/model-replies.js';
import { connectRedis } from '../../src/redis.js';

/** Kept short by default; `IMAGINATOR_SOAK=1` runs the full 500. */
const COUNT = process.env.IMAGINATOR_SOAK ? 500 : 60;
const RETENTION_SECONDS = 8;
const prefix = uniquePrefix('soak');
let fake: FakeOpenAI;
let fleet: Fleet;

/** One request in five fails, in turn each of these ways. */
const FAULTS: Behaviour[] = [serverError(), rateLimited(1), errorBody(), raw('{"not": "the schema"}'), truncated(), closeSocket()];

beforeAll(async () => {
  fake = await startFakeOpenAI();
  answerEveryStage(fake);
  let seen = 0;
  const verdicts = new WeakMap<object, number>();
  const verdict = (body: object): number => {
    if (!verdicts.has(body)) verdicts.set(body, ++seen % 5 === 0 ? (seen / 5) % FAULTS.length : -1);
    return verdicts.get(body)!;
  };
  FAULTS.forEach((behaviour, index) => fake.when({ match: (body) => verdict(body) === index }, behaviour));
  fleet = new Fleet({
    REDIS_URL,
    IMAGINATOR_PREFIX: prefix,
    OPENROUTER_API_KEY_1: 'sk-fake',
    OPENROUTER_BASE_URL: fake.url,
    IMAGINATOR_RETENTION_SECONDS: String(RETENTION_SECONDS),
    IMAGINATOR_CACHE_TTL_SECONDS: String(RETENTION_SECONDS),
  });
});
afterAll(async () => {
  await fleet?.stopAll();
  await fake?.close();
  await dropPrefix(prefix); // the queue's own bookkeeping (ids, meta, its event log)
});

async function keysUnder(pattern: string): Promise<number> {
  const redis = connectRedis(REDIS_URL, { name: 'soak-count' });
  let count = 0;
  let cursor = '0';
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
    cursor = next;
    count += keys.length;
  } while (cursor !== '0');
  await redis.quit();
  return count;
}

describe(`soak: 2 APIs, 2 workers, ${COUNT} enhancements, one model call in five failing`, () => {
  it('completes every enhancement with a complete, ordered event stream, then leaves Redis as it found it', async () => {
    const apis = [await fleet.api(), await fleet.api()];
    fleet.worker();
    fleet.worker();

    const ids = await Promise.all(
      Array.from({ length: COUNT }, (_, i) => startOne(apis[i % 2]!.url, { jobAd: `Opening ${i}: TypeScript, Kubernetes, AWS` })),
    );
    const streams = await Promise.all(ids.map((id, i) => followResuming(apis[(i + 1) % 2]!.wsUrl, id)));

    expect(fake.requests.filter((r) => r.outcome !== 'ok').length).toBeGreaterThan(COUNT / 2);
    for (const { types, cursors } of streams) {
      expect(types[0]).toBe('QUEUED');
      expect(types.at(-1)).toBe('COMPLETED');
      expect(types.filter((t) => t === 'STAGE_STARTED')).toHaveLength(7);
      expect(types.filter((t) => t === 'STAGE_COMPLETED')).toHaveLength(7);
      expect(new Set(cursors).size).toBe(cursors.length);
    }

    // Records, streams, cache entries and the tenant index expire; finished jobs are not kept.
    await expect.poll(() => keysUnder(`${prefix}:*`), { timeout: (RETENTION_SECONDS + 10) * 1000, interval: 1000 }).toBe(0);
    const jobKeys = await keysUnder(`{${prefix}:q}:enhancements:enh_*`);
    expect(jobKeys).toBe(0);
  }, 240_000);
});
