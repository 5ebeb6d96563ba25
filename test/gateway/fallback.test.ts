import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createGateway } from '../../src/gateway/index.js';
import { CreativeDraft } from '../../src/domain/outputs.js';
import {
  closeSocket,
  errorBody,
  hang,
  raw,
  serverError,
  startFakeOpenAI,
  status,
  type FakeOpenAI,
} from '../fakes/openai-server.js';
import { configWith, DRAFT_REPLY, draftRequest, recordingSleep } from './helpers.js';

let fake: FakeOpenAI;
beforeAll(async () => {
  fake = await startFakeOpenAI();
  fake.respond('draft', () => DRAFT_REPLY);
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

function gateway(chain = 'one/first,two/second', extra: Parameters<typeof createGateway>[1] = {}) {
  const { waits, sleep } = recordingSleep();
  const gw = createGateway(
    configWith({ OPENROUTER_API_KEY_1: 'k1', OPENROUTER_BASE_URL: fake.url, IMAGINATOR_MODEL_STAGE_2: chain }),
    { sleep, maxAttempts: 3, timeoutMs: 2_000, ...extra },
  );
  return { gw, waits };
}

const calls = (model: string) => fake.requests.filter((r) => r.model === model);

describe('a chain falls through its models, then to local', () => {
  it('answers from the primary when it is well, with no fallback note', async () => {
    const { gw } = gateway();
    const { output, report } = await gw.complete(draftRequest());
    expect(output).toEqual(DRAFT_REPLY);
    expect(report).toMatchObject({ provider: 'openrouter', model: 'one/first', attempts: 1 });
    expect(report.fallbackNote).toBeUndefined();
    const [request] = fake.requests;
    expect(request.body.response_format).toMatchObject({ type: 'json_schema', json_schema: { name: 'draft', strict: true } });
    expect(request.body.response_format.json_schema.schema).toMatchObject({ type: 'object', required: ['narrative', 'storyArc'], additionalProperties: false });
    expect(request.body.messages).toEqual([
      { role: 'system', content: 'You are a drafter.' },
      { role: 'user', content: 'Write the draft.' },
    ]);
    expect(request.body.temperature).toBe(0.7);
    expect(request.body.usage).toEqual({ include: true });
  });

  it('retries a 500 with backoff, then takes the second model, which says why in the note', async () => {
    fake.when({ model: 'one/first' }, serverError());
    const { gw, waits } = gateway();
    const { output, report } = await gw.complete(draftRequest());
    expect(output).toEqual(DRAFT_REPLY);
    expect(calls('one/first')).toHaveLength(3);
    expect(calls('two/second')).toHaveLength(1);
    expect(report).toMatchObject({ provider: 'openrouter', model: 'two/second', attempts: 4 });
    expect(report.fallbackNote).toMatch(/answered by openrouter\/two\/second after openrouter\/one\/first: HTTP 500/);
    expect(waits).toHaveLength(2);
    expect(waits[1]).toBeGreaterThan(waits[0] / 2); // grows (with jitter)
  });

  it('ends on local when every model fails: a 200 error body, schema-breaking JSON asked again once, a closed socket', async () => {
    fake.when({ model: 'one/first', times: 1 }, errorBody(502, 'provider returned error'));
    fake.when({ model: 'one/first' }, raw('{"narrative": 42, "storyArc": []}'));
    fake.when({ model: 'two/second' }, closeSocket());
    const { gw } = gateway();
    const { output, report } = await gw.complete(draftRequest());
    expect(CreativeDraft.parse(output)).toEqual(output);
    expect(report).toMatchObject({ provider: 'local', model: 'local', attempts: 7, costUsd: expect.any(Number) });
    expect(calls('one/first').map((r) => r.outcome)).toEqual(['error-body', 'raw', 'raw']);
    // The re-ask quotes what was wrong.
    expect(calls('one/first')[2].body.messages.at(-1).content).toMatch(/narrative: .*expected string/);
    expect(calls('two/second')).toHaveLength(3);
    expect(report.fallbackNote).toMatch(/^answered by the local engine: /);
    expect(report.fallbackNote).toMatch(/openrouter\/one\/first: the reply does not match the schema: - narrative/);
    expect(report.fallbackNote).toMatch(/openrouter\/two\/second: ProviderConnectionError/);
  });

  it('a request that is not retryable (400) moves to the next model at once', async () => {
    fake.when({ model: 'one/first' }, status(400));
    const { gw, waits } = gateway();
    const { report } = await gw.complete(draftRequest());
    expect(calls('one/first')).toHaveLength(1);
    expect(report).toMatchObject({ model: 'two/second', attempts: 2 });
    expect(waits).toEqual([]);
  });

  it('a hanging model times out per attempt (the fake sees the connection close) and the next model answers', async () => {
    fake.when({ model: 'one/first' }, hang());
    const { gw } = gateway('one/first,two/second', { maxAttempts: 1, timeoutMs: 150 });
    const { report } = await gw.complete(draftRequest());
    expect(report).toMatchObject({ model: 'two/second', attempts: 2 });
    expect(report.fallbackNote).toMatch(/no reply within 150 ms/);
    await calls('one/first')[0].closed;
    expect(calls('one/first')[0].clientClosed).toBe(true);
  });

  it('a prompt that does not fit a model goes to the next that fits; fitting none, to local', async () => {
    // deepseek-v3.2 has a 163,840-token window; gemini-2.5-flash has 1M.
    const { gw } = gateway('deepseek/deepseek-v3.2,google/gemini-2.5-flash');
    const long = 'experience '.repeat(80_000); // ~250k tokens by the gateway's estimate
    const { report } = await gw.complete(draftRequest(long));
    expect(report.model).toBe('google/gemini-2.5-flash');
    expect(report.fallbackNote).toMatch(/deepseek-v3.2: the prompt \(~\d+ tokens\) does not fit its 163840-token context/);
    expect(calls('deepseek/deepseek-v3.2')).toHaveLength(0);

    fake.reset();
    const { report: huge } = await gw.complete(draftRequest('experience '.repeat(500_000)));
    expect(huge.provider).toBe('local');
    expect(fake.requests).toHaveLength(0);
    expect(huge.fallbackNote).toMatch(/gemini-2.5-flash: the prompt .* does not fit/);
  });
});
