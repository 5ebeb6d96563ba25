import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AbortedError, createGateway } from '../../src/gateway/index.js';
import { MODEL_TABLE } from '../../src/gateway/models.js';
import { StarDraft } from '../../src/domain/outputs.js';
import { hang, ok, rateLimited, schemaHas, startFakeGemini, status, truncated, type FakeGemini } from '../fakes/gemini-server.js';
import { configWith, recordingSleep, until } from './helpers.js';

let fake: FakeGemini;
const STAR = { draftMarkdown: '# Jane Doe', bullets: [{ role: null, situation: 's', task: 't', action: 'a', result: 'r', text: 'Did a thing' }] };
beforeAll(async () => {
  fake = await startFakeGemini();
  fake.respond(schemaHas('draftMarkdown', 'bullets'), () => STAR);
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

function gateway(chain = 'gemini/gemini-2.5-flash-lite', options: Parameters<typeof createGateway>[1] = {}) {
  const { waits, sleep } = recordingSleep();
  const gw = createGateway(
    configWith({ GOOGLE_API_KEY: 'g-key', GOOGLE_BASE_URL: fake.url, IMAGINATOR_MODEL_STAGE_3: chain }),
    { sleep, ...options },
  );
  return { gw, waits };
}

const starRequest = () => ({
  stage: 'STAR' as const,
  name: 'star',
  schema: StarDraft,
  prompt: { system: 'You format STAR bullets.', user: '<creative_draft>…</creative_draft>' },
  data: {},
  temperature: 0.2,
});

describe('the Gemini provider', () => {
  it('sends responseMimeType + responseSchema (the OpenAPI subset), the system instruction and the key; reads usageMetadata', async () => {
    fake.when({}, ok(undefined, { promptTokens: 5_000, completionTokens: 700 }));
    const { gw } = gateway();
    const { output, report } = await gw.complete(starRequest());
    expect(output).toEqual(STAR);
    const [request] = fake.requests;
    expect(request.model).toBe('gemini-2.5-flash-lite');
    expect(request.key).toBe('g-key');
    expect(request.path).toMatch(/^\/v1beta\/models\/gemini-2.5-flash-lite:streamGenerateContent\?alt=sse$/);
    expect(request.body.systemInstruction.parts[0].text).toBe('You format STAR bullets.');
    expect(request.body.contents).toEqual([{ role: 'user', parts: [{ text: '<creative_draft>…</creative_draft>' }] }]);
    const config = request.body.generationConfig;
    expect(config.responseMimeType).toBe('application/json');
    expect(config.temperature).toBe(0.2);
    expect(config.responseSchema.required).toEqual(['draftMarkdown', 'bullets']);
    expect(config.responseSchema.properties.bullets.items.properties.role).toEqual({ type: 'string', nullable: true });
    expect(JSON.stringify(config.responseSchema)).not.toMatch(/\$schema|additionalProperties|anyOf|"null"/);
    const { inputPerMTok, outputPerMTok } = MODEL_TABLE['gemini-2.5-flash-lite'];
    expect(report).toMatchObject({ provider: 'gemini', model: 'gemini-2.5-flash-lite', attempts: 1, promptTokens: 5_000, completionTokens: 700 });
    expect(report.costUsd).toBeCloseTo((5_000 * inputPerMTok + 700 * outputPerMTok) / 1e6, 12);
  });

  it("honours Google's RetryInfo on 429, asks a cut-off reply again with a larger budget, falls through to the next Gemini model", async () => {
    fake.when({ model: 'gemini-2.5-flash-lite', times: 1 }, rateLimited(4));
    fake.when({ model: 'gemini-2.5-flash-lite', times: 1 }, truncated('{"draftMarkdown": "# Ja'));
    fake.when({ model: 'gemini-2.5-flash-lite' }, status(500));
    const { gw, waits } = gateway('gemini/gemini-2.5-flash-lite,gemini/gemini-2.5-flash');
    const { report } = await gw.complete(starRequest());
    expect(waits[0]).toBe(4_000);
    expect(fake.requests.map((r) => `${r.model}:${r.outcome}`)).toEqual([
      'gemini-2.5-flash-lite:status',
      'gemini-2.5-flash-lite:raw',
      'gemini-2.5-flash-lite:status',
      'gemini-2.5-flash-lite:status',
      'gemini-2.5-flash:ok',
    ]);
    const budgets = fake.requests.map((r) => r.body.generationConfig.maxOutputTokens);
    expect(budgets[2]).toBe(budgets[1] * 2); // never the cut-off request again unchanged
    expect(report).toMatchObject({ model: 'gemini-2.5-flash', attempts: 5 });
    expect(report.fallbackNote).toMatch(/gemini\/gemini-2.5-flash-lite: HTTP 500/);
  });

  it('an abort closes the pending Gemini request', async () => {
    fake.when({}, hang());
    const { gw } = gateway();
    const controller = new AbortController();
    const pending = gw.complete(starRequest(), controller.signal);
    await until(() => fake.requests.length === 1);
    controller.abort();
    await expect(pending).rejects.toBeInstanceOf(AbortedError);
    await fake.requests[0].closed;
    expect(fake.requests[0].clientClosed).toBe(true);
  });
});
