import { createHash } from 'node:crypto';
import type { FakeOpenAI } from '../fakes/openai-server.js';

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
  fake.respond('research', (body) => ({ masterProfile: `profile ${tag(body)}`, industryIntel: 'intel', tailoringStrategy: 'lead', keyMetrics: [] }));
  fake.respond('draft', (body) => ({ narrative: `story ${tag(body)}`, storyArc: ['start'] }));
  fake.respond('star', (body) => ({
    draftMarkdown: `# Draft ${tag(body)}`,
    bullets: [{ role: null, situation: 's', task: 't', action: 'a', result: 'r', text: 'did a thing' }],
  }));
  fake.respond('polish', (body) => ({ finalResumeMarkdown: `# Final ${tag(body)}`, editorialNotes: [], provenance: [] }));
  fake.respond('suggest', suggestions);
  fake.respond('critique', suggestions);
}

/** Requests the fake answered, by json_schema name. */
export function callsByName(fake: FakeOpenAI): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const request of fake.requests) counts[request.name ?? '?'] = (counts[request.name ?? '?'] ?? 0) + 1;
  return counts;
}
