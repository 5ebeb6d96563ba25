/** Shared helpers for the local-engine tests: fixture loading and the full local chain. */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runLocalTask } from '../../src/local/index.js';
import type { Analysis, Creativity, CreativeDraft, Dossier, ExtractedSkill, StarDraft, Suggestions } from '../../src/local/types.js';
import type { DraftAnswer, PolishAnswer, PolishedResume, ResearchAnswer, StarAnswer } from '../../src/domain/outputs.js';
import { buildResumeDocument } from '../../src/documents/resume-document.js';
import { researchOutput } from '../../src/pipeline/stages/research.js';
import { draftOutput } from '../../src/pipeline/stages/draft.js';
import { starOutput } from '../../src/pipeline/stages/star.js';
import { polishOutput } from '../../src/pipeline/stages/polish.js';

export const FIXTURES_DIR = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');

export interface Expected {
  asOf: string;
  name: string;
  employers: string[];
  titles: string[];
  years: number;
  seniority: string;
  skills: string[];
  notSkills?: string[];
  requirements: string[];
  missing: string[];
  band: 'low' | 'medium' | 'high';
}

export interface Fixture {
  id: string;
  resume: string;
  job: string;
  expected: Expected;
}

export function loadFixtures(): Fixture[] {
  return readdirSync(FIXTURES_DIR)
    .filter((d) => existsSync(join(FIXTURES_DIR, d, 'expected.json')))
    .sort()
    .map((id) => ({
      id,
      resume: readFileSync(join(FIXTURES_DIR, id, 'resume.md'), 'utf8'),
      job: readFileSync(join(FIXTURES_DIR, id, 'job.md'), 'utf8'),
      expected: JSON.parse(readFileSync(join(FIXTURES_DIR, id, 'expected.json'), 'utf8')) as Expected,
    }));
}

export interface ChainResult {
  analysis: Analysis;
  dossier: Dossier;
  draft: CreativeDraft;
  star: StarDraft;
  /** The final resume as POLISH leaves it: rendered from the document and the audited changes. */
  polished: PolishedResume;
  /** The same (the final resume is audited by construction); kept under its former name. */
  annotated: PolishedResume;
  suggestions: Suggestions;
  critique: Suggestions;
  /** What the local engine answered for each writing stage (its wire answers). */
  answers: { research: ResearchAnswer; draft: DraftAnswer; star: StarAnswer; polish: PolishAnswer };
}

export function runChain(
  resumeText: string,
  jobAd: string,
  opts: { asOf?: string; creativity?: Creativity; extractedSkills?: ExtractedSkill[]; confidenceThreshold?: number; domainInsights?: Record<string, unknown> | null } = {},
): ChainResult {
  const asOf = opts.asOf ?? '2025-06-15';
  const domainInsights = opts.domainInsights ?? null;
  const profile = runLocalTask('analysis', { resumeText, extractedSkills: opts.extractedSkills ?? [], confidenceThreshold: opts.confidenceThreshold ?? 0.7, asOf });
  const fit = runLocalTask('analysis_gap', { resumeText, jobAd, profile, domainInsights });
  const analysis: Analysis = { ...profile, ...fit };
  // the writing stages as the pipeline runs them on `local`: answer, then audited changes (src/pipeline/stages)
  const document = buildResumeDocument(resumeText, { extractedSkills: opts.extractedSkills ?? [], confidenceThreshold: opts.confidenceThreshold ?? 0.7, domainInsights });
  const answers = {} as ChainResult['answers'];
  const { dossier } = researchOutput(document, (answers.research = runLocalTask('research', { document, jobAd, analysis, asOf })));
  const { draft } = draftOutput(dossier, (answers.draft = runLocalTask('draft', { jobAd, dossier, creativity: opts.creativity ?? 'BALANCED' })));
  const { star } = starOutput(dossier, draft, (answers.star = runLocalTask('star', { creativeDraft: draft, dossier })));
  const { polished } = polishOutput(star, (answers.polish = runLocalTask('polish', { star, jobAd })));
  const annotated = polished;
  const suggestions = runLocalTask('suggest', { analysis, jobAd });
  const critique = runLocalTask('critique', { suggestions: suggestions.suggestions, jobAd });
  return { analysis, dossier, draft, star, polished, annotated, suggestions, critique, answers };
}

export function band(score: number): 'low' | 'medium' | 'high' {
  return score < 40 ? 'low' : score <= 70 ? 'medium' : 'high';
}

/** Loose equality for names of employers/titles: case, punctuation and spacing ignored. */
export function loose(s: string): string {
  return s.toLowerCase().normalize('NFKD').replace(/[\u0300-\u036f]/g, '').replace(/[^a-z0-9]+/g, ' ').trim();
}

export function prf(tp: number, fp: number, fn: number): { precision: number; recall: number } {
  return { precision: tp + fp === 0 ? 1 : tp / (tp + fp), recall: tp + fn === 0 ? 1 : tp / (tp + fn) };
}
