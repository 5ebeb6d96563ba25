import { cpuPool } from '../../cpu/index.js';
import { PolishedResume, type StarDraft } from '../../domain/outputs.js';
import { polishPrompt, VERSION } from '../prompts/polish.js';
import { singleCall, type StageContext, type StageResult } from './stage.js';

export interface PolishSees {
  star: StarDraft;
  jobAd: string;
  /**
   * The original resume, never sent to the model: the deterministic truthfulness check reads it
   * to annotate the answer (provenance against the resume, invented claims in editorial notes).
   */
  auditAgainst: string;
}

export async function runPolish(sees: PolishSees, ctx: StageContext): Promise<StageResult<PolishedResume>> {
  const data = { star: sees.star, jobAd: sees.jobAd };
  const { output, calls } = await singleCall(ctx, {
    stage: 'POLISH',
    name: 'polish',
    schema: PolishedResume,
    data,
    prompt: () => polishPrompt(data),
    promptVersion: VERSION,
    temperature: 0.2,
  });
  // The audit runs on a pool thread: the worker's event loop keeps renewing job locks meanwhile.
  const annotated = await cpuPool().run('annotatePolish', { original: sees.auditAgainst, polished: output, jobAd: sees.jobAd }, { signal: ctx.signal });
  return { output: annotated, calls };
}
