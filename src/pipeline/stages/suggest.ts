import { Suggestions, type Analysis } from '../../domain/outputs.js';
import { suggestPrompt, VERSION } from '../prompts/suggest.js';
import { singleCall, type StageContext, type StageResult } from './stage.js';

export interface SuggestSees {
  analysis: Analysis;
  jobAd: string;
}

export function runSuggest(sees: SuggestSees, ctx: StageContext): Promise<StageResult<Suggestions>> {
  const data = { ...sees };
  return singleCall(ctx, { stage: 'SUGGEST', name: 'suggest', schema: Suggestions, data, prompt: () => suggestPrompt(data), promptVersion: VERSION, temperature: 0.5 });
}
