import { JobFit, ResumeProfile, type Analysis } from '../outputs.js';
import type { ExtractedSkill } from '../input.js';
import { gapPrompt, profilePrompt, VERSION } from '../prompts/analysis.js';
import type { StageContext, StageResult } from './stage.js';

export interface AnalysisSees {
  resumeText: string;
  jobAd: string;
  extractedSkills: ExtractedSkill[];
  domainInsights: Record<string, unknown> | null;
  confidenceThreshold: number;
  asOf: string;
}

/**
 * Two calls: the resume-only profile (experiences, skills, seniority), which depends on the resume
 * and extracted skills alone and so serves every job ad sent with the same resume, then the fit
 * against the job ad.
 */
export async function runAnalysis(sees: AnalysisSees, { gateway, signal, cache, onRetry }: StageContext): Promise<StageResult<Analysis>> {
  const profileData = {
    resumeText: sees.resumeText,
    extractedSkills: sees.extractedSkills,
    confidenceThreshold: sees.confidenceThreshold,
    asOf: sees.asOf,
  };
  const profile = await gateway.complete(
    {
      stage: 'ANALYSIS',
      name: 'analysis',
      schema: ResumeProfile,
      data: profileData,
      prompt: () => profilePrompt(profileData),
      promptVersion: VERSION,
      temperature: 0,
      cache,
      onRetry,
    },
    signal,
  );
  const gapData = {
    resumeText: sees.resumeText,
    jobAd: sees.jobAd,
    profile: profile.output,
    domainInsights: sees.domainInsights,
  };
  const fit = await gateway.complete(
    {
      stage: 'ANALYSIS',
      name: 'analysis_gap',
      schema: JobFit,
      data: gapData,
      prompt: () => gapPrompt(gapData),
      promptVersion: VERSION,
      temperature: 0,
      cache,
      onRetry,
    },
    signal,
  );
  return { output: { ...profile.output, ...fit.output }, calls: [profile.report, fit.report] };
}
