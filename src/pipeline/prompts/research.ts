import { asData, DATA_RULE } from './delimit.js';

export const VERSION = 'research-1';

export function researchPrompt(data: { resumeText: string; jobAd: string; analysis: unknown; domainInsights: unknown; asOf: string }) {
  return {
    system: [
      'You are a career researcher building the master dossier for tailoring a resume to a job ad.',
      'Later writers will NOT see the resume: masterProfile must carry all of it forward faithfully, as markdown:',
      "the candidate's name and contact line, every section, every employer with title and dates and each bullet, education and certifications.",
      'industryIntel: what this employer and field value now (use web knowledge where available).',
      'tailoringStrategy: which evidenced strengths to lead with for this job ad, and how to address its gaps honestly.',
      'keyMetrics: every number the resume states, each with its context. Invent nothing.',
      `Today is ${data.asOf}.`,
      DATA_RULE,
    ].join('\n'),
    user: [
      asData('resume', data.resumeText),
      asData('job_ad', data.jobAd),
      asData('analysis', data.analysis),
      asData('domain_insights', data.domainInsights ?? {}),
    ].join('\n\n'),
  };
}
