import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createGateway } from '../../src/gateway/index.js';
import { MODEL_TABLE, ONLINE_SURCHARGE_USD } from '../../src/gateway/models.js';
import type { Stage } from '../../src/domain/graph.js';
import { Dossier, PolishedResume, StarDraft, Suggestions } from '../../src/domain/outputs.js';
import { ok, raw, startFakeOpenAI, type FakeOpenAI } from '../fakes/openai-server.js';
import { configWith, DOSSIER, DRAFT_REPLY, draftRequest, recordingSleep } from './helpers.js';

let fake: FakeOpenAI;
beforeAll(async () => {
  fake = await startFakeOpenAI();
  fake.respond('draft', () => DRAFT_REPLY);
  fake.respond('research', () => DOSSIER);
  fake.respond('star', () => ({ draftMarkdown: '# Jane', bullets: [] }));
  fake.respond('polish', () => ({ finalResumeMarkdown: '# Jane', editorialNotes: [], provenance: [] }));
  fake.respond('suggest', () => ({ suggestions: [] }));
});
afterAll(() => fake.close());
beforeEach(() => fake.reset());

const price = (key: string, p: number, c: number) => (p * MODEL_TABLE[key].inputPerMTok + c * MODEL_TABLE[key].outputPerMTok) / 1e6;

function gateway() {
  return createGateway(
    configWith({
      OPENROUTER_API_KEY_1: 'k1',
      OPENROUTER_BASE_URL: fake.url,
      IMAGINATOR_MODEL_STAGE_1: 'deepseek/deepseek-v3.2:online',
      IMAGINATOR_MODEL_STAGE_2: 'deepseek/deepseek-v3.2',
      IMAGINATOR_MODEL_STAGE_3: 'openrouter/openai/gpt-5-nano',
      IMAGINATOR_MODEL_STAGE_4: 'google/gemini-2.5-flash',
      IMAGINATOR_MODEL_SUGGEST: 'anthropic/claude-haiku-4.5',
    }),
    { sleep: recordingSleep().sleep },
  );
}

describe('cost per call', () => {
  it('is usage × the price table, with tokens as the fake reported them', async () => {
    fake.when({ model: 'deepseek/deepseek-v3.2' }, ok(undefined, { promptTokens: 12_345, completionTokens: 678 }));
    const { report } = await gateway().complete(draftRequest());
    expect(report.promptTokens).toBe(12_345);
    expect(report.completionTokens).toBe(678);
    expect(report.costUsd).toBeCloseTo(price('deepseek-v3.2', 12_345, 678), 12);
    expect(report.costUsd).toBeGreaterThan(0);
  });

  it("is OpenRouter's usage.cost when the reply carries it", async () => {
    fake.when({}, ok(undefined, { promptTokens: 1_000, completionTokens: 1_000, cost: 0.004321 }));
    const { report } = await gateway().complete(draftRequest());
    expect(report.costUsd).toBe(0.004321);
  });

  it('includes the tokens of failed attempts the provider billed (a reply that broke the schema)', async () => {
    fake.when({ times: 1 }, { ...raw('{"narrative": 1}'), promptTokens: 100, completionTokens: 10 } as never);
    fake.when({}, ok(undefined, { promptTokens: 200, completionTokens: 20 }));
    const { report } = await gateway().complete(draftRequest());
    expect(report).toMatchObject({ attempts: 2, promptTokens: 300, completionTokens: 30 });
    expect(report.costUsd).toBeCloseTo(price('deepseek-v3.2', 300, 30), 12);
  });

  it('summed over stages equals the sum of the fake usage × prices (with the :online surcharge)', async () => {
    const gw = gateway();
    const calls: Array<[Stage, string, import('zod').ZodType]> = [
      ['RESEARCH', 'research', Dossier],
      ['STAR', 'star', StarDraft],
      ['POLISH', 'polish', PolishedResume],
      ['SUGGEST', 'suggest', Suggestions],
    ];
    let total = 0;
    for (const [stage, name, schema] of calls) {
      const { report } = await gw.complete({ stage, name, schema, prompt: { system: `sys ${name}`, user: `user ${name} `.repeat(50) }, data: {} });
      total += report.costUsd;
    }
    total += (await gw.complete(draftRequest())).report.costUsd;

    const keys: Record<string, string> = {
      'deepseek/deepseek-v3.2:online': 'deepseek-v3.2',
      'deepseek/deepseek-v3.2': 'deepseek-v3.2',
      'openai/gpt-5-nano': 'gpt-5-nano',
      'google/gemini-2.5-flash': 'gemini-2.5-flash',
      'anthropic/claude-haiku-4.5': 'claude-haiku-4.5',
    };
    let expected = 0;
    for (const r of fake.requests) {
      expected += price(keys[r.model], r.usage!.promptTokens, r.usage!.completionTokens);
      if (r.model.endsWith(':online')) expected += ONLINE_SURCHARGE_USD;
    }
    expect(fake.requests).toHaveLength(5);
    expect(total).toBeCloseTo(expected, 12);
    // gpt-5 models take no temperature; the others get the request's.
    expect(fake.requests.find((r) => r.model === 'openai/gpt-5-nano')!.body.temperature).toBeUndefined();
  });
});
