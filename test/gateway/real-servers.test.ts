/**
 * Local and self-hosted servers, time that leaves room to fall back, live previews: whole
 * enhancements through the real app, and the gateway's wire against the fakes.
 */
import { describe, expect, it } from 'vitest';
import { createGateway } from '../../src/gateway/index.js';
import { connectRedis } from '../../src/redis.js';
import { startFakeGemini, schemaHas } from '../fakes/gemini-server.js';
import { startFakeOpenAI } from '../fakes/openai-server.js';
import { usePersona } from '../fakes/server-personas.js';
import { REDIS_URL, uniquePrefix } from '../helpers/app.js';
import { answerEveryStage } from '../helpers/model-replies.js';
import { everyStage, runEnhancement, totals, withApp } from '../helpers/personas.js';
import { configWith, DRAFT_REPLY, draftRequest } from './helpers.js';

describe('self-hosted servers', () => {
  it('a keyless named endpoint (IMAGINATOR_ENDPOINT_OLLAMA) serves a whole enhancement, with no Authorization header', async () => {
    const fake = await startFakeOpenAI();
    answerEveryStage(fake);
    try {
      const env = { IMAGINATOR_ENDPOINT_OLLAMA: fake.url, IMAGINATOR_ENDPOINT_OLLAMA_CONTEXT: '32768', ...everyStage('ollama/qwen3:8b') };
      const run = await withApp(env, (app) => runEnhancement(app, 'ollama/qwen3:8b'));
      expect(run.result.status).toBe('COMPLETED');
      for (const stage of run.result.stages) expect(stage).toMatchObject({ provider: 'ollama', model: 'qwen3:8b', costUsd: 0 });
      expect(fake.requests).toHaveLength(totals(run).llmCalls);
      for (const request of fake.requests) {
        expect(request.headers.authorization).toBeUndefined();
        expect(request.model).toBe('qwen3:8b');
        expect(request.body.provider).toBeUndefined(); // OpenRouter's routing is for OpenRouter only
      }
      expect(run.outputMode).toBe('JSON_SCHEMA_STRICT');
    } finally {
      await fake.close();
    }
  });

  it('OPENAI_BASE_URL without OPENAI_API_KEY makes openai/<model> usable, keyless', async () => {
    const fake = await startFakeOpenAI();
    fake.respond('draft', () => DRAFT_REPLY);
    try {
      const gw = createGateway(configWith({ OPENAI_BASE_URL: fake.url, IMAGINATOR_MODEL_STAGE_2: 'openai/llama3.1:8b' }));
      const { output, report } = await gw.complete(draftRequest());
      expect(output).toEqual(DRAFT_REPLY);
      expect(report).toMatchObject({ provider: 'openai', model: 'llama3.1:8b', attempts: 1 });
      expect(fake.requests[0].headers.authorization).toBeUndefined();
      expect(fake.requests[0].body.max_tokens).toBe(2_048);
    } finally {
      await fake.close();
    }
  });

  it('a named endpoint with a key sends it; its context length decides what fits', async () => {
    const fake = await startFakeOpenAI();
    fake.respond('draft', () => DRAFT_REPLY);
    try {
      const gw = createGateway(
        configWith({
          IMAGINATOR_ENDPOINT_VLLM: fake.url,
          IMAGINATOR_ENDPOINT_VLLM_KEY: 'v-key',
          IMAGINATOR_ENDPOINT_VLLM_CONTEXT: '4096',
          IMAGINATOR_MODEL_STAGE_2: 'vllm/mistral-7b',
        }),
      );
      expect(gw.models().find((m) => m.id === 'vllm/mistral-7b')).toMatchObject({ provider: 'vllm', contextLength: 4096, outputMode: 'JSON_SCHEMA_STRICT' });
      await gw.complete(draftRequest());
      expect(fake.requests[0].key).toBe('v-key');
      const { report } = await gw.complete(draftRequest('experience '.repeat(2_000))); // ~6k tokens: too long for 4k
      expect(report.provider).toBe('local');
      expect(report.fallbackNote).toMatch(/vllm\/mistral-7b: the prompt .* does not fit its 4096-token context/);
    } finally {
      await fake.close();
    }
  });
});

describe('configuration of endpoints and knobs', () => {
  it('reads named endpoints with their key and context, and refuses what cannot work, with a clear message', () => {
    const config = configWith({
      IMAGINATOR_ENDPOINT_LM_STUDIO: 'http://127.0.0.1:1234/v1',
      IMAGINATOR_ENDPOINT_OLLAMA: 'http://127.0.0.1:11434/v1',
      IMAGINATOR_ENDPOINT_OLLAMA_KEY: 'proxy-key',
      IMAGINATOR_ENDPOINT_OLLAMA_CONTEXT: '32768',
      IMAGINATOR_MAX_TOKENS_POLISH: '12000',
      IMAGINATOR_REASONING_EFFORT_RESEARCH: 'high',
    });
    expect(config.endpoints).toEqual([
      { name: 'lm_studio', baseURL: 'http://127.0.0.1:1234/v1', contextTokens: 8192 },
      { name: 'ollama', baseURL: 'http://127.0.0.1:11434/v1', key: 'proxy-key', contextTokens: 32768 },
    ]);
    expect(config.llm.maxTokens).toEqual({ POLISH: 12000 });
    expect(config.llm.reasoningEffort).toEqual({ RESEARCH: 'high' });
    expect(config.llm.openRouter).toMatchObject({ requireParameters: true, dataCollection: 'deny' });
    expect(() => configWith({ IMAGINATOR_ENDPOINT_OPENAI: 'http://x/v1' })).toThrow(/built-in provider/);
    expect(() => configWith({ IMAGINATOR_ENDPOINT_OLLAMA: 'localhost:11434' })).toThrow(/http\(s\) URL/);
    expect(() => configWith({ IMAGINATOR_ENDPOINT_OLLAMA: 'http://x/v1', IMAGINATOR_ENDPOINT_OLLAMA_CONTEXT: 'big' })).toThrow(/_CONTEXT/);
    expect(() => configWith({ IMAGINATOR_MAX_TOKENS_POLISH: 'lots' })).toThrow(/IMAGINATOR_MAX_TOKENS_POLISH/);
    expect(() => configWith({ IMAGINATOR_REASONING_EFFORT_DRAFT: 'extreme' })).toThrow(/minimal, low, medium, high/);
  });
});

describe('knobs on the wire', () => {
  it("OpenRouter: provider routing, attribution headers, the stage's output budget and reasoning effort as configured", async () => {
    const fake = await startFakeOpenAI();
    fake.respond('draft', () => DRAFT_REPLY);
    try {
      const gw = createGateway(
        configWith({
          OPENROUTER_API_KEY_1: 'k',
          OPENROUTER_BASE_URL: fake.url,
          IMAGINATOR_MODEL_STAGE_2: 'openrouter/openai/gpt-5-mini',
          IMAGINATOR_MAX_TOKENS_DRAFT: '1234',
          IMAGINATOR_REASONING_EFFORT_DRAFT: 'low',
          IMAGINATOR_OPENROUTER_DATA_COLLECTION: 'allow',
          IMAGINATOR_APP_TITLE: 'Imaginator Test',
        }),
      );
      await gw.complete(draftRequest());
      const [request] = fake.requests;
      expect(request.body).toMatchObject({
        model: 'openai/gpt-5-mini',
        max_tokens: 1234,
        reasoning: { effort: 'low' },
        provider: { require_parameters: true, data_collection: 'allow' },
        stream: true,
        stream_options: { include_usage: true },
      });
      expect(request.headers['x-title']).toBe('Imaginator Test');
      expect(request.headers['http-referer']).toMatch(/^https:\/\//);
    } finally {
      await fake.close();
    }
  });

  it('Gemini: thinking tokens (thoughtsTokenCount) are billed as output', async () => {
    const fake = await startFakeGemini();
    fake.respond(schemaHas('narrative'), () => DRAFT_REPLY);
    fake.setThoughtsTokens(300);
    try {
      const gw = createGateway(configWith({ GOOGLE_API_KEY: 'g', GOOGLE_BASE_URL: fake.url, IMAGINATOR_MODEL_STAGE_2: 'gemini/gemini-2.5-flash' }));
      const { report } = await gw.complete(draftRequest());
      expect(report.completionTokens).toBe(fake.requests[0].usage!.completionTokens);
      expect(report.completionTokens).toBeGreaterThan(300);
      expect(report.costUsd).toBeCloseTo((report.promptTokens * 0.3 + report.completionTokens * 2.5) / 1e6, 12);
    } finally {
      await fake.close();
    }
  });

  it('a call cut off by its timeout is billed for what the provider had reported (Gemini sends usage in every chunk)', async () => {
    const fake = await startFakeGemini();
    fake.respond(schemaHas('narrative'), () => ({ ...DRAFT_REPLY, narrative: 'x'.repeat(400) }));
    fake.when({ model: 'gemini-2.5-flash', times: 1 }, { kind: 'ok', chunkChars: 50, stallAfterChunks: 3 });
    try {
      const gw = createGateway(configWith({ GOOGLE_API_KEY: 'g', GOOGLE_BASE_URL: fake.url, IMAGINATOR_MODEL_STAGE_2: 'gemini/gemini-2.5-flash', IMAGINATOR_STREAM_IDLE_MS: '60000' }), {
        timeoutMs: 400,
        maxAttempts: 2,
        sleep: async () => undefined,
      });
      const { report } = await gw.complete(draftRequest());
      expect(report).toMatchObject({ provider: 'gemini', attempts: 2 });
      const [stalled, answered] = fake.requests;
      expect(stalled.clientClosed).toBe(true);
      // The answered call's tokens, plus the stalled call's prompt and the output it had reported.
      expect(report.promptTokens).toBe(answered.usage!.promptTokens * 2);
      expect(report.completionTokens).toBeGreaterThan(answered.usage!.completionTokens);
    } finally {
      await fake.close();
    }
  });

  it('a stream that stops sending tokens fails that attempt after the idle time, and the next model answers', async () => {
    const fake = await startFakeOpenAI();
    fake.respond('draft', () => DRAFT_REPLY);
    fake.when({ model: 'stalls/model' }, { kind: 'ok', chunkDelayMs: 2_000, chunkChars: 4 });
    try {
      const gw = createGateway(
        configWith({ OPENROUTER_API_KEY_1: 'k', OPENROUTER_BASE_URL: fake.url, IMAGINATOR_MODEL_STAGE_2: 'stalls/model,fine/model', IMAGINATOR_STREAM_IDLE_MS: '300' }),
      );
      const t0 = performance.now();
      const { report } = await gw.complete(draftRequest());
      expect(report).toMatchObject({ model: 'fine/model', attempts: 2 });
      expect(report.fallbackNote).toMatch(/ProviderIdleError: no token for 300 ms/);
      expect(performance.now() - t0).toBeLessThan(1_900);
    } finally {
      await fake.close();
    }
  });
});

describe('output modes are shared by every process', () => {
  it("a step down made by one gateway is what another asks with, and it expires", async () => {
    const fake = await startFakeOpenAI();
    fake.respond('draft', () => DRAFT_REPLY);
    usePersona(fake, 'old/vllm', 'rejects-json-schema');
    const redis = connectRedis(REDIS_URL, { name: 'test-modes' });
    const env = {
      OPENROUTER_API_KEY_1: 'k',
      OPENROUTER_BASE_URL: fake.url,
      IMAGINATOR_MODEL_STAGE_2: 'old/vllm',
      IMAGINATOR_PREFIX: uniquePrefix('modes'),
      IMAGINATOR_OUTPUT_MODE_TTL_SECONDS: '3600',
    };
    try {
      const one = createGateway(configWith(env), { redis });
      const two = createGateway(configWith(env), { redis });
      const { report } = await one.complete(draftRequest());
      expect(report).toMatchObject({ model: 'old/vllm', attempts: 3 });
      expect(one.models().find((m) => m.id === 'openrouter/old/vllm')!.outputMode).toBe('JSON_OBJECT');
      expect(two.models().find((m) => m.id === 'openrouter/old/vllm')!.outputMode).toBe('JSON_SCHEMA_STRICT');
      await two.syncOutputModes();
      expect(two.models().find((m) => m.id === 'openrouter/old/vllm')!.outputMode).toBe('JSON_OBJECT');
      fake.requests.length = 0;
      const again = await two.complete(draftRequest());
      expect(again.report.attempts).toBe(1);
      expect(fake.requests[0].body.response_format).toEqual({ type: 'json_object' });
      const ttl = await redis.ttl(`${env.IMAGINATOR_PREFIX}:outputmode:openrouter/old/vllm`);
      expect(ttl).toBeGreaterThan(3500);
      expect(ttl).toBeLessThanOrEqual(3600);
    } finally {
      await redis.del(`${env.IMAGINATOR_PREFIX}:outputmode:openrouter/old/vllm`);
      await redis.quit();
      await fake.close();
    }
  });
});

describe('time that leaves room to fall back', () => {
  it('a hung primary falls through to the next model within the stage timeout', async () => {
    const fake = await startFakeOpenAI();
    answerEveryStage(fake);
    fake.when({ model: 'hung/primary' }, { kind: 'hang' });
    try {
      const env = {
        OPENROUTER_API_KEY_1: 'k',
        OPENROUTER_BASE_URL: fake.url,
        IMAGINATOR_STAGE_TIMEOUT_MS: '3000',
        IMAGINATOR_MODEL_STAGE_2: 'hung/primary,fine/fallback',
      };
      const run = await withApp(env, (app) => runEnhancement(app, 'openrouter/hung/primary'));
      expect(run.result.status).toBe('COMPLETED');
      const draft = run.result.stages.find((s) => s.stage === 'DRAFT')!;
      expect(draft).toMatchObject({ status: 'COMPLETED', model: 'fine/fallback', attempts: 2 });
      expect(draft.durationMs).toBeLessThan(3_000);
      expect(draft.durationMs).toBeGreaterThan(1_000); // the primary had its share of the time
      expect(run.events.some((e) => e.type === 'STAGE_RETRY' && /hung\/primary failed \(ProviderTimeoutError: no reply within \d+ ms\); trying openrouter\/fine\/fallback/.test(e.message))).toBe(true);
    } finally {
      await fake.close();
    }
  });
});

describe('live previews', () => {
  it('an attempt that is asked again starts the preview over; the text is the reply written so far, not its JSON', async () => {
    const fake = await startFakeOpenAI();
    fake.respond('draft', () => DRAFT_REPLY);
    fake.when({ times: 1 }, { kind: 'raw', content: '{"narrative": "It all began in a small payments team', truncated: true });
    try {
      const gw = createGateway(configWith({ OPENROUTER_API_KEY_1: 'k', OPENROUTER_BASE_URL: fake.url, IMAGINATOR_MODEL_STAGE_2: 'a/b' }));
      const seen: string[] = [];
      await gw.complete({ ...draftRequest(), onPreview: (text) => seen.push(text) });
      expect(seen).toEqual(['It all began in a small payments team', '', `${DRAFT_REPLY.narrative}\n\n- reliability\n- scale`]);
    } finally {
      await fake.close();
    }
  });

  it('a subscriber to enhancementPreview sees the text grow during a writing stage, before COMPLETED', async () => {
    const fake = await startFakeOpenAI();
    answerEveryStage(fake);
    const long = Array.from({ length: 24 }, (_, i) => `Shipped improvement number ${i + 1} to the payments platform`);
    fake.respond('polish', () => ({ bulletOrder: [], skillLines: [], keywordEdits: [], editorialNotes: long }));
    usePersona(fake, 'slow/writer', 'slow-stream');
    try {
      const run = await withApp({ OPENROUTER_API_KEY_1: 'k', OPENROUTER_BASE_URL: fake.url, ...everyStage('slow/writer') }, (app) =>
        runEnhancement(app, 'openrouter/slow/writer', { preview: true }),
      );
      expect(run.result.status).toBe('COMPLETED');
      const polish = run.previews.filter((p) => p.stage === 'POLISH');
      expect(polish.length).toBeGreaterThanOrEqual(3);
      for (let i = 1; i < polish.length; i++) expect(polish[i].text.length).toBeGreaterThan(polish[i - 1].text.length);
      expect(polish.at(-1)!.text).toContain('Shipped improvement number 24');
      expect(polish.at(-1)!.atMs).toBeLessThan(run.terminalAtMs);
      // Only writing stages are previewed (STAR's fake answer here writes no text, so it has none).
      const previewed = new Set(run.previews.map((p) => p.stage));
      expect([...previewed].filter((stage) => !['DRAFT', 'STAR', 'POLISH'].includes(stage))).toEqual([]);
      expect(previewed).toContain('DRAFT');
    } finally {
      await fake.close();
    }
  });
});
