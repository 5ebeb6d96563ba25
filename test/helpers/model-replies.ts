import { createHash } from 'node:crypto';
import { afterAll, beforeAll } from 'vitest';
import type { App } from '../../src/app.js';
import type { Config } from '../../src/config.js';
import type { Logger } from '../../src/logger.js';
import { startFakeOpenAI, type FakeOpenAI } from '../fakes/openai-server.js';
import { dropPrefix, startTestApp, testConfig } from './app.js';

/**
 * Teaches a fake OpenAI-compatible server to answer every pipeline call with a schema-valid object.
 * Each answer carries a fingerprint of the prompt it was asked, so different inputs give different
 * answers and a test can tell which request produced what.
 */
export function answerEveryStage(fake: FakeOpenAI): void {
  const tag = (body: any): string =>
    createHash('sha256').update(JSON.stringify(body.messages)).digest('hex').slice(0, 8);
  const suggestions = (body: any) => ({
    suggestions: [{ kind: 'PROJECT', title: `Build a demo ${tag(body)}`, detail: 'A small service', addressesGaps: ['Kubernetes'], priority: 1 }],
  });
  fake.respond('analysis', (body) => ({
    experiences: [{ title: 'Engineer', company: `Co ${tag(body)}`, startDate: '2020', endDate: 'Present', highlights: [], skills: [] }],
    skills: { all: ['TypeScript'], high: [{ name: 'TypeScript', confidence: 0.9, source: 'resume' }], medium: [], low: [] },
    seniority: { level: 'SENIOR', confidence: 0.8, yearsOfExperience: 6, reasoning: 'six years' },
  }));
  fake.respond('analysis_gap', (body) => ({
    domainInsights: { domain: 'software', skillGapPriority: ['Kubernetes'], emergingTrends: [] },
    gapAnalysis: {
      summary: `fit ${tag(body)}`,
      matchScore: 55,
      matchedKeywords: ['TypeScript'],
      missingKeywords: ['Kubernetes'],
      criticalGaps: ['Kubernetes'],
      niceToHaveGaps: [],
    },
  }));
  fake.respond('research', (body) => ({ industryIntel: `intel ${tag(body)}`, tailoringStrategy: 'lead', keyMetrics: [], evidencedKeywords: [], sources: [] }));
  fake.respond('draft', (body) => ({ summary: '', narrative: `story ${tag(body)}`, storyArc: ['start'] }));
  fake.respond('star', () => ({ bullets: [] }));
  fake.respond('polish', (body) => ({ bulletOrder: [], skillLines: [], keywordEdits: [], editorialNotes: [`polished ${tag(body)}`] }));
  fake.respond('suggest', suggestions);
  fake.respond('critique', suggestions);
  fake.respond('cover_letter', (body) => ({
    salutation: 'Dear hiring team,',
    paragraphs: [`I am writing to apply for this role ${tag(body)}.`, 'Thank you for your time.'],
    closing: 'Sincerely,',
  }));
}

/** Requests the fake answered, by json_schema name. */
export function callsByName(fake: FakeOpenAI): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const request of fake.requests) counts[request.name ?? '?'] = (counts[request.name ?? '?'] ?? 0) + 1;
  return counts;
}

/**
 * For a test file: a fake OpenAI-compatible server answering every stage, and an app whose model
 * chains reach it through OpenRouter's settings (beforeAll); both stopped, keys deleted (afterAll).
 */
export function useAppWithFakeModels(
  options: { env?: Record<string, string>; providerKey?: string; logger?: () => Logger } = {},
): { readonly app: App; readonly fake: FakeOpenAI; readonly config: Config } {
  let fake: FakeOpenAI | undefined;
  let app: App | undefined;
  let config: Config | undefined;
  beforeAll(async () => {
    fake = await startFakeOpenAI();
    answerEveryStage(fake);
    config = testConfig({ OPENROUTER_API_KEY_1: options.providerKey ?? 'sk-fake', OPENROUTER_BASE_URL: fake.url, ...options.env });
    app = await startTestApp({ config, logger: options.logger?.() });
  });
  afterAll(async () => {
    await app?.close();
    await fake?.close();
    if (config) await dropPrefix(config.prefix);
  });
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the test app has not started yet (use it inside tests)');
    return value;
  };
  return {
    get app() {
      return started(app);
    },
    get fake() {
      return started(fake);
    },
    get config() {
      return started(config);
    },
  };
}
