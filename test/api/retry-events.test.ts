import { describe, expect, it } from 'vitest';
import { EnhancementProgressDocument, StartEnhancementDocument } from '../../src/client/graphql/graphql.js';
import { errorBody, serverError } from '../fakes/openai-server.js';
import { collect, request, wsClient } from '../helpers/client.js';
import { useAppWithFakeModels } from '../helpers/model-replies.js';
import { JOB_A, RESUME_A } from '../helpers/samples.js';

const models = useAppWithFakeModels({
  env: { IMAGINATOR_MODEL_STAGE_2: 'openrouter/deepseek/deepseek-v3.2,openrouter/google/gemini-2.5-flash-lite' },
});

describe('STAGE_RETRY events', () => {
  it('tell a subscriber about each retry and fallback, in order, before the stage completes', async () => {
    const isDraft = (body: any) => body?.response_format?.json_schema?.name === 'draft';
    models.fake.when({ model: 'deepseek/deepseek-v3.2', match: isDraft, times: 1 }, serverError());
    models.fake.when({ model: 'deepseek/deepseek-v3.2', match: isDraft, times: 1 }, { kind: 'status', status: 400 });
    models.fake.when({ model: 'google/gemini-2.5-flash-lite', match: isDraft, times: 1 }, errorBody(503));
    const { startEnhancement } = await request(models.app.api!.url, StartEnhancementDocument, {
      input: { resumeText: RESUME_A, jobAd: JOB_A, stages: ['DRAFT'], bypassCache: true },
    });
    const client = wsClient(models.app.api!.wsUrl);
    const events = (await collect(client, EnhancementProgressDocument, { id: startEnhancement.id }).done).map((d) => d.enhancementProgress);
    await client.dispose();

    const draft = events.filter((e) => e.stage === 'DRAFT').map((e) => `${e.type}: ${e.message}`);
    expect(draft[0]).toMatch(/^STAGE_STARTED/);
    expect(draft[1]).toMatch(/^STAGE_RETRY: DRAFT: openrouter\/deepseek\/deepseek-v3.2 failed \(.*500.*\); retrying in \d+ ms/);
    expect(draft[2]).toMatch(/^STAGE_RETRY: .*deepseek-v3.2 failed .*trying openrouter\/google\/gemini-2.5-flash-lite/);
    expect(draft[3]).toMatch(/^STAGE_RETRY: .*gemini-2.5-flash-lite failed .*; retrying in/);
    expect(draft[4]).toMatch(/^STAGE_COMPLETED/);
    expect(events.at(-1)!.type).toBe('COMPLETED');
  });
});
