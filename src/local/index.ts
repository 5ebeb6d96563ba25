/**
 * The `local` engine: a deterministic, offline resume engine. No network, no randomness, no clock ("today" is
 * the `asOf` of the input). Each task answers from exactly the data its stage may see; the writing tasks
 * propose changes to the resume document, like any model, and the audit judges them alike.
 */
import type { LocalTaskName, LocalTasks, TailoringVerdict } from './types.js';
import { runAnalysis } from './analysis.js';
import { runAnalysisGap } from './gap.js';
import { runResearch } from './dossier.js';
import { runDraft } from './draft.js';
import { runStar } from './star.js';
import { runPolish } from './polish.js';
import { runSuggest } from './suggest.js';
import { runCritique } from './critique.js';
import { verifyTailoring as verify } from '../audit/verify.js';

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
};

export function runLocalTask<N extends LocalTaskName>(name: N, input: LocalTasks[N]['in']): LocalTasks[N]['out'] {
  const task = TASKS[name] as Runner<N> | undefined;
  if (!task) throw new Error(`unknown local task: ${String(name)}`);
  return task(input);
}

/** The audit of a whole tailored text (src/audit), re-exported for the engine's callers. */
export function verifyTailoring(original: string, tailored: string, jobAd?: string | null): TailoringVerdict {
  return verify(original, tailored, jobAd);
}
