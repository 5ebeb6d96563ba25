/**
 * The whole pipeline: each stage and the data it may see, nothing else. The graph of who waits
 * for whom is in graph.ts; how stages are run, checkpointed and announced is in run.ts.
 */
import type { EnhancementRecord } from '../store/types.js';
import { runPipeline, type OrchestratorDeps, type Outcome, type Pipeline } from './run.js';
import { runAnalysis } from './stages/analysis.js';
import { runCoverLetter } from './stages/cover-letter.js';
import { runCritique } from './stages/critique.js';
import { runDraft } from './stages/draft.js';
import { runPolish } from './stages/polish.js';
import { runResearch } from './stages/research.js';
import { runStar } from './stages/star.js';
import { runSuggest } from './stages/suggest.js';

export type { OrchestratorDeps, Outcome } from './run.js';

const PIPELINE: Pipeline = {
  ANALYSIS: (input, _done, ctx) =>
    runAnalysis(
      {
        resumeText: input.resumeText,
        jobAd: input.jobAd,
        extractedSkills: input.extractedSkills,
        domainInsights: input.domainInsights,
        confidenceThreshold: input.confidenceThreshold,
        asOf: input.asOf,
      },
      ctx,
    ),
  RESEARCH: (input, done, ctx) =>
    runResearch(
      {
        resumeText: input.resumeText,
        jobAd: input.jobAd,
        extractedSkills: input.extractedSkills,
        confidenceThreshold: input.confidenceThreshold,
        domainInsights: input.domainInsights,
        asOf: input.asOf,
        analysis: done.ANALYSIS!,
      },
      ctx,
    ),
  // The funnel discards the raw resume from here on: the dossier carries its document.
  DRAFT: (input, done, ctx) => runDraft({ jobAd: input.jobAd, creativity: input.creativity, dossier: done.RESEARCH! }, ctx),
  STAR: (_input, done, ctx) => runStar({ creativeDraft: done.DRAFT!, dossier: done.RESEARCH! }, ctx),
  POLISH: (input, done, ctx) => runPolish({ star: done.STAR!, jobAd: input.jobAd }, ctx),
  SUGGEST: (input, done, ctx) => runSuggest({ analysis: done.ANALYSIS!, jobAd: input.jobAd }, ctx),
  CRITIQUE: (input, done, ctx) => runCritique({ suggestions: done.SUGGEST!.suggestions, jobAd: input.jobAd }, ctx),
  // The letter is written from the dossier; the resume itself only audits it.
  COVER_LETTER: (input, done, ctx) =>
    runCoverLetter(
      {
        jobAd: input.jobAd,
        dossier: done.RESEARCH!,
        auditAgainst: { resumeText: input.resumeText, extractedSkills: input.extractedSkills, confidenceThreshold: input.confidenceThreshold },
      },
      ctx,
    ),
};

/** Runs what is left of an enhancement through the pipeline above. */
export function orchestrate(record: EnhancementRecord, deps: OrchestratorDeps, signal: AbortSignal): Promise<Outcome> {
  return runPipeline(PIPELINE, record, deps, signal);
}
