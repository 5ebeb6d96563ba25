/**
 * Whole enhancements against fake servers that each behave like one real server at its worst:
 * every one completes on its own model (never on `local`), the model's format step shows in
 * `models { outputMode }`, every extra attempt is a STAGE_RETRY and is counted and billed.
 */
import { describe, expect, it } from 'vitest';
import { MODEL_TABLE } from '../../src/gateway/models.js';
import { startFakeGemini } from '../fakes/gemini-server.js';
import { startFakeOpenAI, type FakeOpenAI } from '../fakes/openai-server.js';
import { EXPECTED_MODE, PERSONAS, usePersona, type PersonaName, type PersonaState } from '../fakes/server-personas.js';
import { answerEveryStage } from '../helpers/model-replies.js';
import { everyStage, repeatedBodies, runEnhancement, totals, withApp, type EnhancementRun } from '../helpers/personas.js';

const PRICE = MODEL_TABLE['gpt-4o-mini'];

async function onPersona(persona: PersonaName): Promise<{ run: EnhancementRun; fake: FakeOpenAI; state: PersonaState; model: string }> {
  const fake = await startFakeOpenAI();
  answerEveryStage(fake);
  const model = `persona-${persona}/gpt-4o-mini`;
  const state = usePersona(fake, model, persona);
  try {
    const run = await withApp({ OPENROUTER_API_KEY_1: 'sk-fake', OPENROUTER_BASE_URL: fake.url, ...everyStage(`openrouter/${model}`) }, (app) =>
      runEnhancement(app, `openrouter/${model}`),
    );
    return { run, fake, state, model };
  } finally {
    await fake.close();
  }
}

describe('a whole enhancement on a real-world server persona', () => {
  for (const persona of PERSONAS) {
    it(`${persona}: completes on that model, at output mode ${EXPECTED_MODE[persona]}, every attempt counted and billed`, async () => {
      const { run, fake, state, model } = await onPersona(persona);
      expect(run.result.status).toBe('COMPLETED');
      for (const stage of run.result.stages) {
        expect(stage, stage.stage).toMatchObject({ status: 'COMPLETED', provider: 'openrouter', model });
      }
      expect(run.outputMode).toBe(EXPECTED_MODE[persona]);

      // Every request the server saw is an attempt of some stage, and each extra attempt was told.
      const { attempts, llmCalls, costUsd } = totals(run);
      expect(attempts).toBe(fake.requests.length);
      const retries = run.events.filter((e) => e.type === 'STAGE_RETRY' && !/next calls ask/.test(e.message));
      expect(retries).toHaveLength(attempts - llmCalls);
      // Billed for every reply it sent, cut off or invalid ones included.
      const billed = fake.requests.reduce(
        (usd, r) => usd + (r.usage ? (r.usage.promptTokens * PRICE.inputPerMTok + r.usage.completionTokens * PRICE.outputPerMTok) / 1e6 : 0),
        0,
      );
      expect(costUsd).toBeCloseTo(billed, 9);

      // Never the same request twice.
      expect(repeatedBodies(fake)).toBe(0);
      if (persona === 'clean' || persona === 'slow-stream') expect(attempts).toBe(llmCalls);
      if (persona === 'truncates') {
        expect(attempts).toBe(2 * llmCalls);
        for (const cut of fake.requests.filter((r) => r.outcome === 'raw')) {
          const next = fake.requests.find((r) => r !== cut && r.name === cut.name && r.outcome === 'ok')!;
          expect(next.body.max_tokens).toBe(cut.body.max_tokens * 2);
        }
        expect(retries.every((e) => /cut off at its \d+-token output budget; asking with \d+/.test(e.message))).toBe(true);
      }
      if (persona === 'omits-field-once') {
        expect(Object.keys(state.omitted).length).toBe(llmCalls);
        for (const [name, field] of Object.entries(state.omitted)) {
          const reAsk = fake.requests.find((r) => r.name === name && r.body.messages.length === 4)!;
          expect(reAsk.body.messages[2].role).toBe('assistant');
          expect(reAsk.body.messages[3].content).toContain(`- ${field}:`);
        }
      }
      if (persona === 'rejects-json-schema' || persona === 'rejects-response-format') {
        expect(retries.some((e) => /refused the format .*asking with JSON_SCHEMA; asking it again/.test(e.message))).toBe(true);
        const last = fake.requests.at(-1)!.body;
        if (persona === 'rejects-json-schema') expect(last.response_format).toEqual({ type: 'json_object' });
        else expect(last.response_format).toBeUndefined();
        expect(last.messages[0].content).toMatch(/JSON Schema, named "[a-z_]+":\n\{/);
      }
    });
  }

  it('a Gemini SAFETY stop is that model failing clearly: no retry, no re-ask, the next model answers', async () => {
    const openai = await startFakeOpenAI();
    answerEveryStage(openai);
    const gemini = await startFakeGemini();
    gemini.when({ model: 'gemini-2.5-flash' }, { kind: 'stopped', reason: 'SAFETY' });
    try {
      const env = {
        OPENROUTER_API_KEY_1: 'sk-fake',
        OPENROUTER_BASE_URL: openai.url,
        GOOGLE_API_KEY: 'g-key',
        GOOGLE_BASE_URL: gemini.url,
        ...everyStage('gemini/gemini-2.5-flash,openrouter/clean/gpt-4o-mini'),
      };
      const run = await withApp(env, (app) => runEnhancement(app, 'gemini/gemini-2.5-flash'));
      expect(run.result.status).toBe('COMPLETED');
      for (const stage of run.result.stages) expect(stage).toMatchObject({ provider: 'openrouter', model: 'clean/gpt-4o-mini' });
      const { llmCalls, attempts } = totals(run);
      // One request per call at most (its circuit opens after five stops): never asked again.
      expect(gemini.requests.length).toBeGreaterThanOrEqual(5);
      expect(gemini.requests.length).toBeLessThanOrEqual(llmCalls);
      expect(openai.requests).toHaveLength(llmCalls);
      expect(attempts).toBe(gemini.requests.length + llmCalls);
      const retries = run.events.filter((e) => e.type === 'STAGE_RETRY');
      expect(retries).toHaveLength(gemini.requests.length);
      for (const e of retries) expect(e.message).toMatch(/ModelStoppedError: the model stopped: SAFETY(, circuit opened)?\); trying openrouter\/clean\/gpt-4o-mini/);
      expect(run.outputMode).toBe('JSON_SCHEMA_STRICT');
    } finally {
      await openai.close();
      await gemini.close();
    }
  });
});
