import { afterAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { createGateway } from '../../src/gateway/index.js';
import type { ModelGateway } from '../../src/gateway/index.js';
import { EnhancementResultDocument, StartEnhancementDocument } from '../../src/client/graphql/graphql.js';
import { dropPrefix, startTestApp, testConfig } from '../helpers/app.js';
import { request } from '../helpers/client.js';
import { waitForStatus } from '../helpers/fleet.js';
import { withComplete } from '../helpers/gateways.js';
import { JOB_A, RESUME_A } from '../helpers/samples.js';

const apps: App[] = [];
afterAll(async () => {
  for (const app of apps) {
    await app.close();
    await dropPrefix(app.store.keys.prefix);
  }
});

/** A gateway on which RESEARCH hangs until aborted; every other stage answers from `local`. */
function researchHangs(config: ReturnType<typeof testConfig>): ModelGateway {
  const inner = createGateway(config);
  return withComplete(inner, (req, signal) => {
    if (req.stage !== 'RESEARCH') return inner.complete(req, signal);
    return new Promise((_resolve, reject) => signal?.addEventListener('abort', () => reject(new Error('aborted'))));
  });
}

async function runWith(env: Record<string, string>) {
  const config = testConfig(env);
  const app = await startTestApp({ config, gateway: researchHangs(config) });
  apps.push(app);
  const { startEnhancement } = await request(app.api!.url, StartEnhancementDocument, { input: { resumeText: RESUME_A, jobAd: JOB_A } });
  await waitForStatus(app.api!.url, startEnhancement.id, ['FAILED', 'COMPLETED'], 20_000);
  return (await request(app.api!.url, EnhancementResultDocument, { id: startEnhancement.id })).enhancement;
}

describe('deadlines', () => {
  it('fails a stage that runs past the stage timeout, naming it, and keeps what was done', async () => {
    const result = await runWith({ IMAGINATOR_STAGE_TIMEOUT_MS: '500' });
    expect(result.status).toBe('FAILED');
    expect(result.error).toMatchObject({ code: 'STAGE_TIMEOUT', stage: 'RESEARCH' });
    expect(result.stages.find((s) => s.stage === 'RESEARCH')!.status).toBe('FAILED');
    expect(result.stages.find((s) => s.stage === 'DRAFT')!.status).toBe('SKIPPED');
    // Partial results stay readable.
    expect(result.gapAnalysis!.matchedKeywords.length).toBeGreaterThan(0);
    expect(result.stages.find((s) => s.stage === 'ANALYSIS')!.status).toBe('COMPLETED');
  });

  it('fails the enhancement at its deadline', async () => {
    const result = await runWith({ IMAGINATOR_DEADLINE_MS: '800' });
    expect(result.status).toBe('FAILED');
    expect(result.error).toMatchObject({ code: 'DEADLINE_EXCEEDED', stage: 'RESEARCH' });
    expect(result.experiences!.length).toBeGreaterThan(0);
  });
});
