import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGateway } from '../../src/gateway/index.js';
import { MODEL_TABLE } from '../../src/gateway/models.js';
import { serverError, startFakeOpenAI, type FakeOpenAI } from '../fakes/openai-server.js';
import { configWith, draftRequest, recordingSleep } from './helpers.js';

let fake: FakeOpenAI;
beforeAll(async () => {
  fake = await startFakeOpenAI();
  // Each reply echoes the call's marker, so a mixed-up answer would show.
  fake.respond('draft', (body) => {
    const marker = /call-(\d+)/.exec(body.messages[1].content)![1];
    return { narrative: `narrative for ${marker}`, storyArc: [marker] };
  });
});
afterAll(() => fake.close());

describe('50 concurrent calls', () => {
  it('keep their outputs, tokens and costs apart', async () => {
    // Every third call's first attempt fails, so attempts differ between calls too.
    for (let i = 0; i < 50; i += 3) {
      fake.when({ times: 1, match: (body) => body.messages[1].content.startsWith(`call-${i} `) }, serverError());
    }
    const gw = createGateway(
      configWith({ OPENROUTER_API_KEY_1: 'k1', OPENROUTER_BASE_URL: fake.url, IMAGINATOR_MODEL_STAGE_2: 'deepseek/deepseek-v3.2' }),
      { sleep: recordingSleep().sleep, breaker: { failureThreshold: 1_000 } },
    );
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) => gw.complete(draftRequest(`call-${i} ${'padding '.repeat(i * 40)}`)).then((r) => ({ i, ...r }))),
    );
    const { inputPerMTok, outputPerMTok } = MODEL_TABLE['deepseek-v3.2'];
    let attempts = 0;
    for (const { i, output, report } of results) {
      expect(output.storyArc).toEqual([String(i)]);
      const mine = fake.requests.filter((r) => r.body.messages[1].content.startsWith(`call-${i} `));
      const billed = mine.filter((r) => r.usage);
      expect(report.attempts).toBe(mine.length);
      expect(report.promptTokens).toBe(billed.reduce((s, r) => s + r.usage!.promptTokens, 0));
      expect(report.completionTokens).toBe(billed.reduce((s, r) => s + r.usage!.completionTokens, 0));
      expect(report.costUsd).toBeCloseTo((report.promptTokens * inputPerMTok + report.completionTokens * outputPerMTok) / 1e6, 12);
      attempts += report.attempts;
    }
    expect(attempts).toBe(67);
    expect(new Set(results.map((r) => r.report.promptTokens)).size).toBe(50);
  });
});
