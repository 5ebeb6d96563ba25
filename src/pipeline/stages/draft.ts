import type { Creativity } from '../../domain/input.js';
import { CreativeDraft, type Dossier } from '../../domain/outputs.js';
import { draftPrompt, VERSION } from '../prompts/draft.js';
import { singleCall, type StageContext, type StageResult } from './stage.js';

/** The raw resume is discarded here: the drafter sees the job ad and the dossier only. */
export interface DraftSees {
  jobAd: string;
  dossier: Dossier;
  creativity: Creativity;
}

const TEMPERATURE: Record<Creativity, number> = { CONSERVATIVE: 0.3, BALANCED: 0.7, BOLD: 1.0 };

export function runDraft(sees: DraftSees, ctx: StageContext): Promise<StageResult<CreativeDraft>> {
  const data = { ...sees };
  const temperature = TEMPERATURE[sees.creativity];
  return singleCall(ctx, { stage: 'DRAFT', name: 'draft', schema: CreativeDraft, data, prompt: () => draftPrompt(data), promptVersion: VERSION, temperature });
}
