import type { StarDraft } from '../../domain/outputs.js';
import { PolishAnswer } from '../../domain/outputs.js';
import { applyChanges } from '../../domain/apply.js';
import { asData, DATA_RULE } from './delimit.js';
import { resumeLines } from './resume-lines.js';
import { numbered, TRUTH_RULES } from './rules.js';
import { ONE_JSON_OBJECT, versioned } from './version.js';

const SYSTEM = [
  'You are the final editor. Re-reading the job ad, propose: the order of bullets within each role (most relevant first),',
  'the order of items within skill lines, job-ad keywords worked into lines that evidence them, and editorial notes.',
  'You do not write the resume: it is rendered from its lines and the changes the audit accepts.',
  numbered([...TRUTH_RULES, 'An order lists every bullet target of its role exactly once; a skill line keeps every item it had and adds none.', ONE_JSON_OBJECT]),
  DATA_RULE,
].join('\n');

export const VERSION = versioned('polish-2', SYSTEM, PolishAnswer);

export function polishPrompt(data: { star: StarDraft; jobAd: string }) {
  const current = applyChanges(data.star.document, data.star.changes);
  return { system: SYSTEM, user: [asData('job_ad', data.jobAd), asData('resume_lines', resumeLines(current))].join('\n\n') };
}
