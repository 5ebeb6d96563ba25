/**
 * The writing prompts as real models get them: a numbered rules block, "one JSON object", every field of
 * every output schema described in the JSON Schema on the wire, and a version that changes with the
 * wording or the schema.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { toGeminiSchema, toOpenAISchema } from '../../src/gateway/json-schema.js';
import { DraftAnswer, PolishAnswer, ResearchAnswer, StarAnswer } from '../../src/domain/outputs.js';
import { buildResumeDocument } from '../../src/documents/resume-document.js';
import * as research from '../../src/pipeline/prompts/research.js';
import * as draft from '../../src/pipeline/prompts/draft.js';
import * as star from '../../src/pipeline/prompts/star.js';
import * as polish from '../../src/pipeline/prompts/polish.js';
import { versioned } from '../../src/pipeline/prompts/version.js';
import { JOB_A, RESUME_A } from '../helpers/samples.js';

/** Every property of every object in a JSON Schema, with its path. */
function properties(schema: any, path = ''): [string, any][] {
  const out: [string, any][] = [];
  for (const [key, value] of Object.entries<any>(schema?.properties ?? {})) {
    out.push([`${path}${key}`, value]);
    out.push(...properties(value, `${path}${key}.`));
    out.push(...properties(value.items, `${path}${key}[].`));
    for (const option of value.anyOf ?? []) out.push(...properties(option, `${path}${key}.`));
  }
  return out;
}

const document = buildResumeDocument(RESUME_A);
const dossier = { masterProfile: '', industryIntel: 'i', tailoringStrategy: 's', keyMetrics: [], evidencedKeywords: [], sources: [], document };
const creativeDraft = { narrative: 'n', storyArc: [], changes: [] };
const PROMPTS = {
  research: [research.researchPrompt({ document, jobAd: JOB_A, analysis: {}, asOf: '2026-01-01' }), ResearchAnswer, research.VERSION],
  draft: [draft.draftPrompt({ jobAd: JOB_A, dossier, creativity: 'BALANCED' }), DraftAnswer, draft.VERSION],
  star: [star.starPrompt({ creativeDraft, dossier }), StarAnswer, star.VERSION],
  polish: [polish.polishPrompt({ star: { draftMarkdown: '', bullets: [], changes: [], document }, jobAd: JOB_A }), PolishAnswer, polish.VERSION],
} as const;

describe('the writing prompts', () => {
  for (const [name, [prompt, schema, version]] of Object.entries(PROMPTS)) {
    it(`${name}: numbered rules, one JSON object, targets, no contact lines, every field described on the wire`, () => {
      expect(prompt.system).toMatch(/Rules:\n1\. .*\n2\. .*\n3\. /);
      expect(prompt.system).toMatch(/no new skills, tools, technologies, metrics, names, employers/);
      expect(prompt.system).toMatch(/No scope upgrades/);
      expect(prompt.system).toMatch(/exactly one JSON object/);
      expect(prompt.user).toContain('experience[0].bullets[1]: Cut p99 API latency by 40%');
      expect(prompt.user).toContain('experience[0].employer (fixed): Acme Analytics');
      expect(prompt.user).not.toContain('jane.doe@example.com');
      const wire = properties(toOpenAISchema(schema as z.ZodType));
      expect(wire.length).toBeGreaterThan(2);
      for (const [path, node] of wire) expect(node.description ?? node.anyOf?.find((o: any) => o.description)?.description, `${name}.${path}`).toBeTruthy();
      const gemini = properties(toGeminiSchema(schema as z.ZodType));
      expect(gemini.length).toBeGreaterThan(2);
      for (const [path, node] of gemini) expect(node.description, `gemini ${name}.${path}`).toBeTruthy();
      expect(version).toMatch(new RegExp(`^${name}-\\d+:[0-9a-f]{16}$`));
    });
  }

  it('RESEARCH (a web-grounded model) gets a short query about the company and the role first', () => {
    const [prompt] = PROMPTS.research;
    expect(prompt.user.startsWith('<research_query>\nStaff Backend Engineer at Initech\n</research_query>')).toBe(true);
    expect(research.researchQuery('## Senior PM — Acme\n\nlong text')).toBe('Senior PM — Acme');
  });

  it('a version changes with the wording and with the schema, so no stale answer is served', () => {
    const a = versioned('x-1', 'system', z.object({ a: z.string().describe('one') }));
    expect(versioned('x-1', 'system!', z.object({ a: z.string().describe('one') }))).not.toBe(a);
    expect(versioned('x-1', 'system', z.object({ a: z.string().describe('two') }))).not.toBe(a);
    expect(versioned('x-1', 'system', z.object({ a: z.string().describe('one') }))).toBe(a);
  });
});
