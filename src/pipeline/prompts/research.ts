import type { ResumeDocument } from '../../domain/document.js';
import { ResearchAnswer } from '../../domain/outputs.js';
import { asData, DATA_RULE } from './delimit.js';
import { resumeLines } from './resume-lines.js';
import { numbered, TRUTH_RULES } from './rules.js';
import { ONE_JSON_OBJECT, versioned } from './version.js';

const SYSTEM = [
  'You are a career researcher preparing the dossier for tailoring a resume to a job ad.',
  'The resume is already parsed into the lines listed in <resume_lines>, each named by its target; you do not retype it.',
  'Give industry intel on the employer and its field (use web knowledge where available, and list the URLs you consulted in sources),',
  'a tailoring strategy, the key metrics (each citing the target of the line that states it) and the job-ad keywords the resume evidences.',
  numbered([...TRUTH_RULES, 'A key metric is copied from its line; a keyword is evidenced only when a listed line shows it.', ONE_JSON_OBJECT]),
  DATA_RULE,
].join('\n');

export const VERSION = versioned('research-2', SYSTEM, ResearchAnswer);

/** A short query about the company and the role: the job ad's first line, never anything of the resume. */
export function researchQuery(jobAd: string): string {
  const first = jobAd.split('\n').map((l) => l.replace(/^[#*\s]+|[*\s]+$/g, '')).find((l) => l.length > 2) ?? '';
  return first.slice(0, 160);
}

export function researchPrompt(data: { document: ResumeDocument; jobAd: string; analysis: unknown; asOf: string }) {
  return {
    system: SYSTEM,
    user: [
      asData('research_query', researchQuery(data.jobAd)),
      `Today is ${data.asOf}.`,
      asData('job_ad', data.jobAd),
      asData('resume_lines', resumeLines(data.document)),
      asData('analysis', data.analysis),
      asData('domain_insights', data.document.domainInsights ?? {}),
    ].join('\n\n'),
  };
}
