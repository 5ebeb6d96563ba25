/**
 * The `local` engine: a deterministic, offline resume engine. No network, no randomness, no clock ("today" is
 * the `asOf` of the input). Each task answers from exactly the data its stage may see.
 */
import type { LocalTaskName, LocalTasks, PolishedResume, TailoringVerdict } from './types.js';
import { runAnalysis } from './analysis.js';
import { runAnalysisGap } from './gap.js';
import { runResearch } from './dossier.js';
import { runDraft } from './draft.js';
import { runStar } from './star.js';
import { runPolish, annotatePolish as annotate } from './polish.js';
import { runSuggest } from './suggest.js';
import { runCritique } from './critique.js';
import { runCoverLetter } from './cover-letter.js';
import { verifyTailoring as verify } from './truth.js';

type Runner<N extends LocalTaskName> = (input: LocalTasks[N]['in']) => LocalTasks[N]['out'];

const TASKS: { [N in LocalTaskName]: Runner<N> } = {
  analysis: runAnalysis,
  analysis_gap: runAnalysisGap,
  research: runResearch,
  draft: runDraft,
  star: runStar,
  polish: runPolish,
  suggest: runSuggest,
  critique: runCritique,
  cover_letter: runCoverLetter,
};

export function runLocalTask<N extends LocalTaskName>(name: N, input: LocalTasks[N]['in']): LocalTasks[N]['out'] {
  const task = TASKS[name] as Runner<N> | undefined;
  if (!task) throw new Error(`unknown local task: ${String(name)}`);
  return task(input);
}

export function verifyTailoring(original: string, tailored: string, jobAd?: string | null): TailoringVerdict {
  return verify(original, tailored, jobAd);
}

/** Used by the POLISH stage after ANY provider answered: re-maps provenance of each line of the final resume to the ORIGINAL resume line it rests on (source = that resume excerpt, synthetic=true where none), and appends truthfulness findings (from verifyTailoring) to editorialNotes. Never rejects; only annotates. */
export function annotatePolish(originalResume: string, polished: PolishedResume, jobAd: string): PolishedResume {
  return annotate(originalResume, polished, jobAd);
}
