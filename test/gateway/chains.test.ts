import { describe, expect, it } from 'vitest';
import { DEFAULT_CHAINS, parseChain, parseModelId, resolveChains } from '../../src/gateway/chains.js';
import { createGateway } from '../../src/gateway/index.js';
import { MODEL_TABLE, specFor, tableKey } from '../../src/gateway/models.js';
import { STAGES } from '../../src/domain/graph.js';
import { configWith } from './helpers.js';

describe('model ids and chains', () => {
  it('reads provider/model ids and treats any other prefix as an OpenRouter slug', () => {
    expect(parseModelId('deepseek/deepseek-v3.2:online')).toEqual({
      id: 'openrouter/deepseek/deepseek-v3.2:online',
      provider: 'openrouter',
      model: 'deepseek/deepseek-v3.2:online',
    });
    expect(parseModelId('openrouter/openai/gpt-5-mini')).toMatchObject({ provider: 'openrouter', model: 'openai/gpt-5-mini' });
    expect(parseModelId('openai/gpt-5-mini')).toMatchObject({ provider: 'openai', model: 'gpt-5-mini' });
    expect(parseModelId('gemini/gemini-2.5-flash')).toMatchObject({ provider: 'gemini', model: 'gemini-2.5-flash' });
    expect(parseModelId('google/gemini-2.5-flash')).toMatchObject({ provider: 'openrouter', model: 'google/gemini-2.5-flash' });
    expect(parseModelId(' local ')).toMatchObject({ provider: 'local' });
    expect(() => parseModelId('openai/')).toThrow(/names no model/);
    expect(parseChain(' a/b , ,c/d,a/b').map((m) => m.model)).toEqual(['a/b', 'c/d']);
  });

  it('defaults follow the funnel: an :online model researches, every default model has a price and a context length', () => {
    expect(parseChain(DEFAULT_CHAINS.RESEARCH)[0].model).toMatch(/:online$/);
    for (const stage of STAGES) {
      for (const ref of parseChain(DEFAULT_CHAINS[stage])) {
        expect(MODEL_TABLE[tableKey(ref.model)], `${ref.id} is in the price table`).toBeDefined();
      }
    }
    expect(specFor('deepseek/deepseek-v3.2:online').perRequestUsd).toBeGreaterThan(0);
    expect(specFor('deepseek/deepseek-v3.2').perRequestUsd).toBe(0);
  });

  it('with no key every stage runs on local; with a Google key only, the direct Gemini ids take over', () => {
    const none = resolveChains(configWith({}));
    for (const stage of STAGES) expect(none[stage].models.map((m) => m.id)).toEqual(['local']);

    const google = resolveChains(configWith({ GOOGLE_API_KEY: 'g' }));
    for (const stage of STAGES) {
      expect(google[stage].models.length).toBeGreaterThan(0);
      expect(google[stage].models.every((m) => m.provider === 'gemini')).toBe(true);
    }
  });

  it('a configured chain wins over the default and drops providers without a key', () => {
    const chains = resolveChains(
      configWith({ OPENROUTER_API_KEY_1: 'k', IMAGINATOR_MODEL_STAGE_2: 'gemini/gemini-2.5-flash,x/y,openai/gpt-5-mini' }),
    );
    expect(chains.DRAFT.models.map((m) => m.id)).toEqual(['openrouter/x/y']);
    expect(chains.DRAFT.keyless.map((m) => m.id)).toEqual(['gemini/gemini-2.5-flash', 'openai/gpt-5-mini']);
    expect(chains.STAR.models.map((m) => m.id)).toEqual(parseChain(DEFAULT_CHAINS.STAR).filter((m) => m.provider === 'openrouter').map((m) => m.id));
  });

  it('models() lists every chain model with its stages, prices and a closed circuit, plus local', () => {
    const gateway = createGateway(configWith({ OPENROUTER_API_KEY_1: 'k', IMAGINATOR_MODEL_STAGE_2: 'deepseek/deepseek-v3.2', IMAGINATOR_MODEL_SUGGEST: 'deepseek/deepseek-v3.2' }));
    const models = gateway.models();
    const deepseek = models.find((m) => m.id === 'openrouter/deepseek/deepseek-v3.2');
    expect(deepseek).toMatchObject({
      provider: 'openrouter',
      stages: ['DRAFT', 'SUGGEST'],
      healthy: true,
      circuit: 'CLOSED',
      successRate: null,
      inputPricePerMTok: MODEL_TABLE['deepseek-v3.2'].inputPerMTok,
      outputPricePerMTok: MODEL_TABLE['deepseek-v3.2'].outputPerMTok,
      contextLength: MODEL_TABLE['deepseek-v3.2'].contextTokens,
    });
    expect(models.find((m) => m.id === 'local')?.stages).toEqual([...STAGES]);
    expect(gateway.chainOf('DRAFT')).toBe('openrouter/deepseek/deepseek-v3.2');
    expect(createGateway(configWith({})).chainOf('RESEARCH')).toBe('local');
  });
});
