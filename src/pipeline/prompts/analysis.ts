import { asData, DATA_RULE } from './delimit.js';

/** Bump when the wording changes: cached answers of older prompts are not reused. */
export const VERSION = 'analysis-1';

export function profilePrompt(data: { resumeText: string; extractedSkills: unknown; confidenceThreshold: number; asOf: string }) {
  return {
    system: [
      'You are an ATS-minded technical recruiter who reads resumes precisely.',
      'Extract every experience (title, company, start and end dates as YYYY-MM or YYYY, "Present" for a current role, highlights, skills used),',
      'a skill inventory bucketed by confidence (high at or above the threshold, medium within 0.2 below it, low under that; source resume, input or inferred),',
      `and the candidate's seniority with a one-sentence reasoning. Count years up to ${data.asOf} without double-counting overlapping roles.`,
      'Report only what the resume supports.',
      DATA_RULE,
    ].join('\n'),
    user: [
      asData('resume', data.resumeText),
      asData('extracted_skills', data.extractedSkills),
      `Confidence threshold: ${data.confidenceThreshold}`,
    ].join('\n\n'),
  };
}

export function gapPrompt(data: { resumeText: string; jobAd: string; profile: unknown; domainInsights: unknown }) {
  return {
    system: [
      "You compare a candidate's evidenced profile with a job ad's requirements.",
      'List the job ad keywords the resume evidences and those it misses; split gaps into critical (required) and nice-to-have (preferred);',
      "matchScore is the share (0-100, integer) of the job ad's key requirements the resume evidences, required weighing more than preferred.",
      'Name the domain, the skill gaps in priority order and emerging trends of the field. Write a plain-language summary of two sentences.',
      DATA_RULE,
    ].join('\n'),
    user: [
      asData('job_ad', data.jobAd),
      asData('resume', data.resumeText),
      asData('profile', data.profile),
      asData('domain_insights', data.domainInsights ?? {}),
    ].join('\n\n'),
  };
}
