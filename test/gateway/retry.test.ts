import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ProviderHttpError } from '../../src/gateway/errors.js';
import { createGateway } from '../../src/gateway/index.js';
import { parseRetryAfter, retryDelay } from '../../src/gateway/retry.js';
import { rateLimited, startFakeOpenAI, status, type FakeOpenAI } from '../fakes/openai-server.js';
import { configWith, DRAFT_REPLY, draftRequest, recordingSleep } from './helpers.js';

let fake: FakeOpenAI;
beforeAll(async () => {
  fake = await startFakeOpenAI();
  fake.respond('draft', () => DRAFT_REPLY);
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

function gateway(options: Parameters<typeof createGateway>[1] = {}) {
  const { waits, sleep } = recordingSleep();
  const gw = createGateway(
    configWith({ OPENROUTER_API_KEY_1: 'k1', OPENROUTER_BASE_URL: fake.url, IMAGINATOR_MODEL_STAGE_2: 'one/first,two/second' }),
    { sleep, ...options },
  );
  return { gw, waits };
}

describe('retries', () => {
  it('honour Retry-After (seconds) on 429 before asking the same model again', async () => {
    fake.when({ model: 'one/first', times: 1 }, rateLimited(7));
    const { gw, waits } = gateway();
    const { report } = await gw.complete(draftRequest());
    expect(waits).toEqual([7_000]);
    expect(report).toMatchObject({ model: 'one/first', attempts: 2 });
    expect(report.fallbackNote).toBeUndefined();
  });

  it('honour retry-after-ms over Retry-After, on 503 too', async () => {
    fake.when({ model: 'one/first', times: 1 }, status(503, { 'retry-after-ms': '1234', 'retry-after': '9' }));
    const { gw, waits } = gateway();
    await gw.complete(draftRequest());
    expect(waits).toEqual([1_234]);
  });

  it('retry 408 and 409 too, with exponential backoff and jitter when no wait is given', async () => {
    fake.when({ model: 'one/first', times: 1 }, status(408));
    fake.when({ model: 'one/first', times: 1 }, status(409));
    const { gw, waits } = gateway({ random: () => 0.5, backoff: { baseDelayMs: 100, maxDelayMs: 10_000 } });
    const { report } = await gw.complete(draftRequest());
    expect(report).toMatchObject({ model: 'one/first', attempts: 3 });
    // ceiling 100 then 200; equal jitter at 0.5 → 75, 150
    expect(waits).toEqual([75, 150]);
  });

  it('a Retry-After longer than the limit moves on to the next model instead of waiting', async () => {
    fake.when({ model: 'one/first' }, rateLimited(3600));
    const { gw, waits } = gateway({ maxRetryAfterMs: 30_000 });
    const { report } = await gw.complete(draftRequest());
    expect(waits).toEqual([]);
    expect(report.model).toBe('two/second');
    expect(report.fallbackNote).toMatch(/asked to wait 3600000 ms/);
  });

  it('retryDelay caps the backoff and parseRetryAfter reads HTTP dates', () => {
    const options = { baseDelayMs: 250, maxDelayMs: 1_000, random: () => 1 };
    expect(retryDelay(new Error('x'), 10, options)).toBe(1_000);
    expect(retryDelay(new ProviderHttpError(429, 'x', 5), 1, options)).toBe(5);
    const now = Date.parse('2026-01-01T00:00:00Z');
    expect(parseRetryAfter((h) => (h === 'retry-after' ? 'Thu, 01 Jan 2026 00:00:03 GMT' : null), now)).toBe(3_000);
    expect(parseRetryAfter(() => null)).toBeUndefined();
  });
});
