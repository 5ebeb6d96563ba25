import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createGateway } from '../../src/gateway/index.js';
import { rateLimited, startFakeOpenAI, status, type FakeOpenAI } from '../fakes/openai-server.js';
import { configWith, DRAFT_REPLY, draftRequest, manualClock, recordingSleep } from './helpers.js';

let fake: FakeOpenAI;
beforeAll(async () => {
  fake = await startFakeOpenAI();
  fake.respond('draft', () => DRAFT_REPLY);
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

function gateway(clock = manualClock()) {
  const { waits, sleep } = recordingSleep();
  const gw = createGateway(
    configWith({
      OPENROUTER_API_KEY_1: 'key-one',
      OPENROUTER_API_KEY_2: 'key-two',
      OPENROUTER_BASE_URL: fake.url,
      IMAGINATOR_MODEL_STAGE_2: 'one/first',
    }),
    { sleep, now: clock.now },
  );
  return { gw, waits, clock };
}

describe('the second OpenRouter key', () => {
  for (const code of [401, 402]) {
    it(`takes over at once when the first is answered ${code}, and stays in front for later calls`, async () => {
      fake.when({ key: 'key-one' }, status(code));
      const { gw, waits } = gateway();
      const first = await gw.complete(draftRequest());
      expect(first.output).toEqual(DRAFT_REPLY);
      expect(first.report).toMatchObject({ model: 'one/first', attempts: 1 });
      expect(fake.requests.map((r) => [r.key, r.outcome])).toEqual([
        ['key-one', 'status'],
        ['key-two', 'ok'],
      ]);
      expect(fake.requests[0].headers.authorization).toBe('Bearer key-one');
      expect(waits).toEqual([]);

      await gw.complete(draftRequest());
      expect(fake.requests.map((r) => r.key)).toEqual(['key-one', 'key-two', 'key-two']);
    });
  }

  it('takes over when the first is rate-limited, and the first key comes back after its wait', async () => {
    fake.when({ key: 'key-one', times: 1 }, rateLimited(20));
    const { gw, clock } = gateway();
    await gw.complete(draftRequest());
    expect(fake.requests.map((r) => r.key)).toEqual(['key-one', 'key-two']);
    clock.advance(21_000);
    await gw.complete(draftRequest());
    expect(fake.requests.map((r) => r.key)).toEqual(['key-one', 'key-two', 'key-one']);
  });

  it('when both keys are refused the model fails (no retry on 401) and the stage falls back', async () => {
    fake.when({}, status(401));
    const { gw } = gateway();
    const { report } = await gw.complete(draftRequest());
    expect(fake.requests.map((r) => r.key)).toEqual(['key-one', 'key-two']);
    expect(report.provider).toBe('local');
    expect(report.fallbackNote).toMatch(/HTTP 401/);
  });
});
