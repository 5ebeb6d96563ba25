import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeOpenAI, type FakeOpenAI } from '../fakes/openai-server.js';
import { dropPrefix, REDIS_ENV, uniquePrefix } from '../helpers/app.js';
import { Fleet, followResuming, startOne, waitForStatus } from '../helpers/fleet.js';
import { answerEveryStage } from '../helpers/model-replies.js';

const prefix = uniquePrefix('crash');
let fake: FakeOpenAI;
let fleet: Fleet;

beforeAll(async () => {
  fake = await startFakeOpenAI();
  answerEveryStage(fake);
  // Every model call takes 400 ms, so the worker can be killed in the middle of one.
  fake.when({}, { kind: 'ok', delayMs: 400 });
  fleet = new Fleet({ ...REDIS_ENV, IMAGINATOR_PREFIX: prefix, OPENROUTER_API_KEY_1: 'sk-fake', OPENROUTER_BASE_URL: fake.url });
});
afterAll(async () => {
  await fleet?.stopAll();
  await fake?.close();
  await dropPrefix(prefix);
});

describe('a worker killed in the middle of a stage', () => {
  it('resumes on another worker within 30 s, re-running no completed stage', async () => {
    const api = await fleet.api();
    const doomed = fleet.worker();
    const id = await startOne(api.url, { stages: ['DRAFT'] });
    const following = followResuming(api.wsUrl, id);

    // Kill the worker while RESEARCH's model call is in flight: ANALYSIS is done by then.
    await expect.poll(() => fake.requests.some((r) => r.name === 'research'), { timeout: 20_000 }).toBe(true);
    fleet.worker();
    await doomed.stop('SIGKILL');
    const killedAt = Date.now();

    await waitForStatus(api.url, id, ['COMPLETED', 'FAILED'], 30_000);
    expect(Date.now() - killedAt).toBeLessThan(30_000);
    const { types } = await following;
    expect(types.at(-1)).toBe('COMPLETED');

    // Calls that were answered (not cut off by the kill), per stage: exactly one each.
    const answered = fake.requests.filter((r) => r.outcome === 'ok' && !r.clientClosed).map((r) => r.name);
    expect(answered.sort()).toEqual(['analysis', 'analysis_gap', 'draft', 'research']);
    expect(fake.requests.filter((r) => r.name === 'analysis')).toHaveLength(1);
  }, 60_000);
});
