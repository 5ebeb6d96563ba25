import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AbortedError, createGateway } from '../../src/gateway/index.js';
import { hang, rateLimited, startFakeOpenAI, type FakeOpenAI } from '../fakes/openai-server.js';
import { configWith, DRAFT_REPLY, draftRequest, until } from './helpers.js';

let fake: FakeOpenAI;
beforeAll(async () => {
  fake = await startFakeOpenAI();
  fake.respond('draft', () => DRAFT_REPLY);
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

const config = () =>
  configWith({ OPENROUTER_API_KEY_1: 'k1', OPENROUTER_BASE_URL: fake.url, IMAGINATOR_MODEL_STAGE_2: 'one/first,two/second' });

describe('cancelling', () => {
  it('an aborted signal aborts the pending HTTP request: the fake sees the connection close, nothing falls back', async () => {
    fake.when({ model: 'one/first' }, hang());
    const gw = createGateway(config(), { timeoutMs: 30_000 });
    const controller = new AbortController();
    const pending = gw.complete(draftRequest(), controller.signal);
    await until(() => fake.requests.length === 1);
    const started = Date.now();
    controller.abort();
    await expect(pending).rejects.toBeInstanceOf(AbortedError);
    await fake.requests[0].closed;
    expect(fake.requests[0].clientClosed).toBe(true);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(fake.requests).toHaveLength(1); // no second model, no retry
    // A cancel is not the model's fault.
    expect(gw.models().find((m) => m.id === 'openrouter/one/first')).toMatchObject({ consecutiveFailures: 0, circuit: 'CLOSED' });
  });

  it('an abort during a Retry-After wait ends the call without another request', async () => {
    fake.when({ model: 'one/first' }, rateLimited(20));
    const gw = createGateway(config());
    const controller = new AbortController();
    const pending = gw.complete(draftRequest(), controller.signal);
    await until(() => fake.requests.length === 1);
    await new Promise((r) => setTimeout(r, 20));
    controller.abort();
    await expect(pending).rejects.toBeInstanceOf(AbortedError);
    expect(fake.requests).toHaveLength(1);
  });

  it('an already-aborted signal sends nothing; close() aborts calls in flight', async () => {
    const gw = createGateway(config());
    await expect(gw.complete(draftRequest(), AbortSignal.abort())).rejects.toBeInstanceOf(AbortedError);
    expect(fake.requests).toHaveLength(0);

    fake.when({ model: 'one/first' }, hang());
    const pending = gw.complete(draftRequest());
    await until(() => fake.requests.length === 1);
    gw.close();
    await expect(pending).rejects.toBeInstanceOf(AbortedError);
    await fake.requests[0].closed;
  });
});
