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
import { runCoverLetter } from './cover-letter.js';
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
  cover_letter: runCoverLetter,
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

/**
 * The engine's regexes are large (the skill taxonomy, the date grammar, headings, titles): V8 compiles each on
 * first use, which would otherwise land on the first stage a worker runs, under that stage's timeout. Reading a
 * small resume and job ad once at start-up moves that cost out of every stage.
 */
function warmUp(): void {
  const resumeText = 'Jane Doe\njane@example.com\n\nExperience\nSenior Engineer — Acme Corp, Berlin\nJan 2020 – Present\n- Built APIs in Python and Go\n\nEducation\nBSc Physics, 2015';
  const profile = runAnalysis({ resumeText, extractedSkills: [], confidenceThreshold: 0.7, asOf: '2025-01-01' });
  runAnalysisGap({ resumeText, jobAd: 'Backend Engineer\n\nRequirements:\n- 3+ years of Python\n- AWS Certified Solutions Architect is a plus', profile, domainInsights: null });
}
warmUp();
