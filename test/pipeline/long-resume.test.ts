import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { createGateway } from '../../src/gateway/index.js';
import { runAnalysis } from '../../src/pipeline/stages/analysis.js';
import { splitBySection } from '../../src/pipeline/resume-sections.js';
import { startFakeOpenAI, type FakeOpenAI } from '../fakes/openai-server.js';
import { answerEveryStage } from '../helpers/model-replies.js';
import { JOB_A } from '../helpers/samples.js';

let fake: FakeOpenAI;
beforeAll(async () => {
  fake = await startFakeOpenAI();
  answerEveryStage(fake);
});
afterAll(() => fake?.close());

const bullets = (role: string, n: number) => Array.from({ length: n }, (_, i) => `- ${role} achievement number ${i + 1}, shipped on time with measurable impact`).join('\n');
const RESUME = [
  'Alex Long',
  'alex@example.com',
  '',
  '## Experience',
  `Staff Engineer — Northwind\n2019 – Present\n${bullets('Northwind', 12)}`,
  `Senior Engineer — Contoso\n2014 – 2019\n${bullets('Contoso', 12)}`,
  '## Projects',
  bullets('Side project', 12),
  '## Education',
  'B.Sc. Computer Science, 2014',
].join('\n');

describe('a resume too long for every model of ANALYSIS', () => {
  it('is split by section into parts that each fit, dropping no line', () => {
    const parts = splitBySection(RESUME, (part) => part.length <= 1_400);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(1_400);
    for (const line of RESUME.split('\n').filter((l) => l.trim())) {
      expect(parts.some((part) => part.split('\n').includes(line)), line).toBe(true);
    }
    for (const part of parts) expect(part.startsWith('Alex Long\nalex@example.com')).toBe(true);
  });

  it('is profiled in parts through the models and merged, and the stage says so', async () => {
    const config = loadConfig({ OPENROUTER_API_KEY_1: 'sk-fake', OPENROUTER_BASE_URL: fake.url, IMAGINATOR_MODEL_ANALYSIS: 'acme/tiny-model' });
    // A context window that takes the prompt around one or two sections, never the whole resume.
    const gateway = createGateway(config, {
      modelTable: { 'tiny-model': { inputPerMTok: 1, outputPerMTok: 1, contextTokens: 1_400, maxOutputTokens: 400 } },
    });
    const sees = { resumeText: RESUME, jobAd: JOB_A, extractedSkills: [], domainInsights: null, confidenceThreshold: 0.7, asOf: '2026-11-21' };
    const result = await runAnalysis(sees, { gateway, signal: new AbortController().signal });
    gateway.close();

    const profileCalls = fake.requests.filter((r) => r.name === 'analysis');
    expect(profileCalls.length).toBeGreaterThan(1);
    expect(profileCalls.every((r) => r.model === 'acme/tiny-model' && r.outcome === 'ok')).toBe(true);
    const sent = profileCalls.map((r) => r.body.messages[1].content as string).join('\n');
    for (const line of RESUME.split('\n').filter((l) => l.trim())) expect(sent).toContain(line);

    // The fake names one company per call it answers: the merged profile holds one per part.
    expect(result.output.experiences).toHaveLength(profileCalls.length);
    expect(result.calls.filter((c) => c.model === 'acme/tiny-model')).toHaveLength(profileCalls.length + 1);
    expect(result.notes!.join(' ')).toMatch(new RegExp(`read in ${profileCalls.length} parts`));
    expect(result.output.gapAnalysis.matchScore).toBe(55);
  });
});
