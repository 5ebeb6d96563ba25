import { graphql } from 'graphql';
import { buildSchema } from 'type-graphql';
import { describe, expect, it } from 'vitest';
import { createGateway } from '../../src/gateway/index.js';
import { ModelsResolver } from '../../src/schema/models.js';
import { configWith } from './helpers.js';

describe('the models query', () => {
  it('shows the registry through GraphQL', async () => {
    const schema = await buildSchema({ resolvers: [ModelsResolver], validate: false });
    const gateway = createGateway(configWith({ OPENROUTER_API_KEY_1: 'k', IMAGINATOR_MODEL_STAGE_2: 'deepseek/deepseek-v3.2' }));
    const result = await graphql({
      schema,
      source: '{ models { id provider stages healthy circuit successRate p50LatencyMs inputPricePerMTok outputPricePerMTok contextLength } }',
      contextValue: { services: { modelRegistry: gateway } },
    });
    expect(result.errors).toBeUndefined();
    const models = (result.data as any).models;
    expect(models).toContainEqual({
      id: 'openrouter/deepseek/deepseek-v3.2',
      provider: 'openrouter',
      stages: ['DRAFT', 'SUGGEST'], // the default SUGGEST chain starts with it too
      healthy: true,
      circuit: 'CLOSED',
      successRate: null,
      p50LatencyMs: null,
      inputPricePerMTok: 0.28,
      outputPricePerMTok: 0.42,
      contextLength: 163_840,
    });
    expect(models.find((m: { id: string }) => m.id === 'local')).toMatchObject({ provider: 'local', contextLength: null });
  });
});
