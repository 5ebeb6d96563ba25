import { Dossier, type Analysis } from '../../domain/outputs.js';
import { researchPrompt, VERSION } from '../prompts/research.js';
import { singleCall, type StageContext, type StageResult } from './stage.js';

export interface ResearchSees {
  resumeText: string;
  jobAd: string;
  analysis: Analysis;
  domainInsights: Record<string, unknown> | null;
  asOf: string;
}

/** The master dossier: the last stage that reads the raw resume, so it must carry all of it forward. */
export function runResearch(sees: ResearchSees, ctx: StageContext): Promise<StageResult<Dossier>> {
  const data = { ...sees };
  return singleCall(ctx, { stage: 'RESEARCH', name: 'research', schema: Dossier, data, prompt: () => researchPrompt(data), promptVersion: VERSION, temperature: 0.2 });
}
