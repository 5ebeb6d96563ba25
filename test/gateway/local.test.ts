import { describe, expect, it } from 'vitest';
import { AllModelsFailedError, createGateway } from '../../src/gateway/index.js';
import { CreativeDraft } from '../../src/domain/outputs.js';
import { configWith, draftRequest } from './helpers.js';

describe('the local engine as a provider', () => {
  it('answers a stage whose chain has no key, at no cost, as configuration rather than fallback', async () => {
    const gw = createGateway(configWith({}));
    const { output, report } = await gw.complete(draftRequest());
    expect(CreativeDraft.safeParse(output).success).toBe(true);
    expect(report).toMatchObject({ provider: 'local', model: 'local', attempts: 1, promptTokens: 0, completionTokens: 0, costUsd: 0 });
    expect(report.fallbackNote).toBeUndefined();
    expect(gw.chainOf('DRAFT')).toBe('local');
    expect(gw.models().find((m) => m.id === 'local')!.stages).toContain('DRAFT');
  });

  it('configured as the primary, it answers with no fallback note', async () => {
    const gw = createGateway(configWith({ OPENROUTER_API_KEY_1: 'k', IMAGINATOR_MODEL_STAGE_2: 'local' }));
    const { report } = await gw.complete(draftRequest());
    expect(report.provider).toBe('local');
    expect(report.fallbackNote).toBeUndefined();
  });

  it('a wire name the local engine does not know fails the call with every reason', async () => {
    const gw = createGateway(configWith({}));
    await expect(gw.complete({ ...draftRequest(), name: 'draft_extra' })).rejects.toThrow(AllModelsFailedError);
    await expect(gw.complete({ ...draftRequest(), name: 'draft_extra' })).rejects.toThrow(/no task "draft_extra"/);
  });
});
