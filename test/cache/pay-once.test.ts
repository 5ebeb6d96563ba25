import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_STAGES as STAGES } from '../../src/domain/graph.js';
import { EnhancementProgressDocument, EnhancementResultDocument, StartEnhancementDocument } from '../../src/client/graphql/graphql.js';
import { collect, post, request, wsClient } from '../helpers/client.js';
import { callsByName, useAppWithFakeModels } from '../helpers/model-replies.js';
import { JOB_A, JOB_B, RESUME_A } from '../helpers/samples.js';

const KEYS = { alpha: 'key-alpha-123', beta: 'key-beta-456' };
const models = useAppWithFakeModels({ env: { IMAGINATOR_API_KEYS: `alpha:${KEYS.alpha},beta:${KEYS.beta}` } });

const auth = (tenant: keyof typeof KEYS) => ({ authorization: `Bearer ${KEYS[tenant]}` });

beforeEach(() => models.fake.reset());

async function enhance(input: Record<string, unknown>, tenant: keyof typeof KEYS = 'alpha') {
  const { startEnhancement } = await request(
    models.app.api!.url,
    StartEnhancementDocument,
    { input: { resumeText: RESUME_A, jobAd: JOB_A, ...input } as never },
    auth(tenant),
  );
  const client = wsClient(models.app.api!.wsUrl, auth(tenant));
  await collect(client, EnhancementProgressDocument, { id: startEnhancement.id }).done;
  await client.dispose();
  return (await request(models.app.api!.url, EnhancementResultDocument, { id: startEnhancement.id }, auth(tenant))).enhancement;
}

describe('the stage cache', () => {
  it('answers a repeated enhancement with zero model calls and counts what it saved', async () => {
    const first = await enhance({ jobAd: `${JOB_A}\nRepeat me.` });
    expect(first.status).toBe('COMPLETED');
    expect(models.fake.requests.filter((r) => r.outcome !== 'ok')).toEqual([]);
    const paid = models.fake.requests.length;

    expect(paid).toBe(STAGES.length + 1); // ANALYSIS makes two calls
    expect(first.usage.costUsd).toBeGreaterThan(0);
    expect(first.usage.cacheHits).toBe(0);

    const second = await enhance({ jobAd: `${JOB_A}\nRepeat me.` });
    expect(second.status).toBe('COMPLETED');
    expect(models.fake.requests.length).toBe(paid);
    expect(second.stages.every((s) => s.cached)).toBe(true);
    expect(second.usage.cacheHits).toBe(STAGES.length);
    expect(second.usage.costUsd).toBe(0);
    expect(second.usage.savedCostUsd).toBeCloseTo(first.usage.costUsd, 10);
    expect(second.finalResumeMarkdown).toBe(first.finalResumeMarkdown);
  });

  it('pays for the resume-only analysis once for one resume against five job ads', async () => {
    const resumeText = `${RESUME_A}\nFive-ads variant.`;
    for (let i = 0; i < 5; i++) await enhance({ resumeText, jobAd: `${JOB_B}\nOpening number ${i}`, stages: ['ANALYSIS'] });
    expect(callsByName(models.fake)).toEqual({ analysis: 1, analysis_gap: 5 });
  });

  it('keeps tenants apart by default', async () => {
    const input = { resumeText: `${RESUME_A}\nTenant test.`, stages: ['ANALYSIS'] };
    await enhance(input, 'alpha');
    const afterAlpha = models.fake.requests.length;
    expect(afterAlpha).toBe(2);
    await enhance(input, 'beta');
    expect(models.fake.requests.length).toBe(afterAlpha * 2);
    await enhance(input, 'beta');
    expect(models.fake.requests.length).toBe(afterAlpha * 2);
  });

  it('asks the models afresh when the request bypasses the cache', async () => {
    const input = { resumeText: `${RESUME_A}\nBypass test.`, stages: ['ANALYSIS'] };
    await enhance(input);
    const bypassed = await enhance({ ...input, bypassCache: true });
    expect(models.fake.requests.length).toBe(4);
    expect(bypassed.stages[0]!.cached).toBe(false);
  });
});

describe('idempotency', () => {
  it('returns the first enhancement for the same tenant and key, and runs it once', async () => {
    // bypassCache: a second run would reach the models.fake server again instead of hitting the cache.
    const input = { resumeText: `${RESUME_A}\nIdempotent.`, jobAd: JOB_A, idempotencyKey: 'order-42', stages: ['ANALYSIS'], bypassCache: true };
    const [a, b] = await Promise.all([
      request(models.app.api!.url, StartEnhancementDocument, { input: input as never }, auth('alpha')),
      request(models.app.api!.url, StartEnhancementDocument, { input: input as never }, auth('alpha')),
    ]);
    expect(b.startEnhancement.id).toBe(a.startEnhancement.id);
    const again = await enhance(input, 'alpha');
    expect(again.id).toBe(a.startEnhancement.id);
    expect(again.status).toBe('COMPLETED');
    expect(models.fake.requests.length).toBe(2);
    const other = await enhance(input, 'beta');
    expect(other.id).not.toBe(a.startEnhancement.id);
    expect(models.fake.requests.length).toBe(4);
  });
});

describe('runEnhancement', () => {
  const PARTNER = `mutation PartnerGapAnalysis($input: EnhancementInput!) {
    runEnhancement(input: $input) {
      id
      status
      requestedStages
      gapAnalysis { matchScore matchedKeywords missingKeywords summary }
      usage { llmCalls costUsd }
    }
  }`;

  it('runs only ANALYSIS for a selection of gapAnalysis alone, and returns when it is done', async () => {
    const { body } = await post(
      models.app.api!.url,
      PARTNER,
      { input: { resumeText: `${RESUME_A}\nPartner.`, jobAd: JOB_A } },
      auth('alpha'),
    );
    expect(body.errors).toBeUndefined();
    const result = (body.data as any).runEnhancement;
    expect(result.status).toBe('COMPLETED');
    expect(result.requestedStages).toEqual(['ANALYSIS']);
    expect(result.gapAnalysis.matchScore).toBe(55);
    expect(result.usage.llmCalls).toBe(2);
    expect(Object.keys(callsByName(models.fake)).sort()).toEqual(['analysis', 'analysis_gap']);
  });

  it('runs ANALYSIS, SUGGEST and CRITIQUE for suggestions', async () => {
    const { body } = await post(
      models.app.api!.url,
      'mutation($input: EnhancementInput!) { runEnhancement(input: $input) { requestedStages suggestions { title } } }',
      { input: { resumeText: `${RESUME_A}\nSuggestions.`, jobAd: JOB_A } },
      auth('alpha'),
    );
    expect((body.data as any).runEnhancement.requestedStages).toEqual(['ANALYSIS', 'SUGGEST', 'CRITIQUE']);
    expect(Object.keys(callsByName(models.fake)).sort()).toEqual(['analysis', 'analysis_gap', 'critique', 'suggest']);
  });
});
