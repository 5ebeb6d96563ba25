import { Suggestions, type Suggestion } from '../../domain/outputs.js';
import { critiquePrompt, VERSION } from '../prompts/critique.js';
import { singleCall, type StageContext, type StageResult } from './stage.js';

export interface CritiqueSees {
  suggestions: Suggestion[];
  jobAd: string;
}

export function runCritique(sees: CritiqueSees, ctx: StageContext): Promise<StageResult<Suggestions>> {
  const data = { ...sees };
  return singleCall(ctx, { stage: 'CRITIQUE', name: 'critique', schema: Suggestions, data, prompt: () => critiquePrompt(data), promptVersion: VERSION, temperature: 0.2 });
}
