import { reconcileRoles } from '../../documents/reconcile-roles.js';
import type { CompletionRequest } from '../../gateway/types.js';
import type { ExtractedSkill } from '../../domain/input.js';
import { JobFit, ResumeProfile, type Analysis, type SkillEntry } from '../../domain/outputs.js';
import { gapPrompt, profilePrompt, VERSION } from '../prompts/analysis.js';
import { splitBySection } from '../resume-sections.js';
import type { StageContext, StageResult } from './stage.js';

export interface AnalysisSees {
  resumeText: string;
  jobAd: string;
  extractedSkills: ExtractedSkill[];
  domainInsights: Record<string, unknown> | null;
  confidenceThreshold: number;
  asOf: string;
}

type ProfileData = Parameters<typeof profilePrompt>[0];
type GapData = Parameters<typeof gapPrompt>[0];

/**
 * Two calls: the resume-only profile (experiences, skills, seniority), which depends on the resume
 * and extracted skills alone and so serves every job ad sent with the same resume, then the fit
 * against the job ad. A resume too long for every model of the chain is profiled in parts, split
 * by section, and the parts merged; the fit then reads the merged profile instead of the resume.
 */
export async function runAnalysis(sees: AnalysisSees, ctx: StageContext): Promise<StageResult<Analysis>> {
  const { gateway, signal, cache, onRetry } = ctx;
  const call = <T>(request: Omit<CompletionRequest<T>, 'stage' | 'promptVersion' | 'temperature' | 'cache' | 'onRetry'>) =>
    gateway.complete({ ...request, stage: 'ANALYSIS', promptVersion: VERSION, temperature: 0, cache, onRetry }, signal);
  const notes: string[] = [];

  const profileData: ProfileData = {
    resumeText: sees.resumeText,
    extractedSkills: sees.extractedSkills,
    confidenceThreshold: sees.confidenceThreshold,
    asOf: sees.asOf,
  };
  const profileFits = (data: ProfileData): boolean => gateway.fits('ANALYSIS', profilePrompt(data));
  const parts = profileFits(profileData)
    ? [sees.resumeText]
    : splitBySection(sees.resumeText, (part) => profileFits({ ...profileData, resumeText: part }));
  const profiles = await Promise.all(
    parts.map((resumeText) => {
      const data = { ...profileData, resumeText };
      return call({ name: 'analysis', schema: ResumeProfile, data, prompt: () => profilePrompt(data) });
    }),
  );
  let profile = mergeProfiles(profiles.map((p) => p.output));
  if (parts.length > 1) {
    notes.push(`The resume was too long for one call to ANALYSIS's models: it was read in ${parts.length} parts, split by section, and the parts merged.`);
  }
  // A model's roles are held to the resume's spans and completed with the parser's; `local`'s are the parser's.
  if (profiles.some((p) => p.report.provider !== 'local')) {
    const roles = reconcileRoles(sees.resumeText, profile.experiences);
    profile = { ...profile, experiences: roles.experiences };
    notes.push(...roles.notes);
  }

  let gapData: GapData = { resumeText: sees.resumeText, jobAd: sees.jobAd, profile, domainInsights: sees.domainInsights };
  if (parts.length > 1 && !gateway.fits('ANALYSIS', gapPrompt(gapData))) {
    // The merged profile holds every role, bullet and skill the parts found: the fit reads that.
    gapData = { ...gapData, resumeText: '' };
    notes.push('The gap analysis read the merged profile, the resume itself being too long for its models.');
  }
  const fit = await call({ name: 'analysis_gap', schema: JobFit, data: gapData, prompt: () => gapPrompt(gapData) });
  return { output: { ...profile, ...fit.output }, calls: [...profiles.map((p) => p.report), fit.report], notes };
}

const BUCKETS = ['high', 'medium', 'low'] as const;

/** One profile from the profiles of a resume's parts: every role once, every skill in its best bucket. */
function mergeProfiles(parts: ResumeProfile[]): ResumeProfile {
  if (parts.length === 1) return parts[0]!;
  const seen = new Set<string>();
  const experiences = parts
    .flatMap((p) => p.experiences)
    .filter((e) => {
      const key = `${e.title}|${e.company}|${e.startDate}`.toLowerCase();
      return !seen.has(key) && !!seen.add(key);
    });
  const best = new Map<string, { bucket: number; entry: SkillEntry }>();
  for (const part of parts) {
    BUCKETS.forEach((bucket, rank) => {
      for (const entry of part.skills[bucket]) {
        const held = best.get(entry.name.toLowerCase());
        if (!held || rank < held.bucket || (rank === held.bucket && entry.confidence > held.entry.confidence)) {
          best.set(entry.name.toLowerCase(), { bucket: rank, entry });
        }
      }
    });
  }
  const skills = {
    all: [...new Set(parts.flatMap((p) => p.skills.all))],
    high: [] as SkillEntry[],
    medium: [] as SkillEntry[],
    low: [] as SkillEntry[],
  };
  for (const { bucket, entry } of best.values()) skills[BUCKETS[bucket]!].push(entry);
  const senior = parts.reduce((a, b) => (b.seniority.yearsOfExperience > a.seniority.yearsOfExperience ? b : a)).seniority;
  return { experiences, skills, seniority: { ...senior, reasoning: `${senior.reasoning} (from the part of the resume with the longest career)` } };
}
