import { StarDraft, type CreativeDraft, type Dossier } from '../../domain/outputs.js';
import { starPrompt, VERSION } from '../prompts/star.js';
import { singleCall, type StageContext, type StageResult } from './stage.js';

export interface StarSees {
  creativeDraft: CreativeDraft;
  dossier: Dossier;
}

export function runStar(sees: StarSees, ctx: StageContext): Promise<StageResult<StarDraft>> {
  const data = { ...sees };
  return singleCall(ctx, { stage: 'STAR', name: 'star', schema: StarDraft, data, prompt: () => starPrompt(data), promptVersion: VERSION, temperature: 0.2 });
}
