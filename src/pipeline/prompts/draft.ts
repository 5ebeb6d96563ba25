import type { Dossier } from '../../domain/outputs.js';
import { DraftAnswer } from '../../domain/outputs.js';
import { asData, DATA_RULE } from './delimit.js';
import { resumeLines } from './resume-lines.js';
import { numbered, TRUTH_RULES } from './rules.js';
import { ONE_JSON_OBJECT, versioned } from './version.js';

const VOICE = {
  CONSERVATIVE: 'Voice: close to the resume wording; understated and factual.',
  BALANCED: 'Voice: confident and concrete; frame the facts around what the job ad values.',
  BOLD: 'Voice: vivid and memorable, a strong story arc, still strictly within the facts of the resume lines.',
} as const;

const SYSTEM = [
  'You are a resume writer. From the dossier and the job ad, propose the resume summary and write the narrative and its story arc.',
  'The summary replaces the resume\'s summary line; it reads like a person wrote it: no section titles, no "for example:" scaffolding.',
  numbered([...TRUTH_RULES, 'The summary is 2-3 sentences; the narrative 3-5; each story-arc beat one short line.', ONE_JSON_OBJECT]),
  DATA_RULE,
].join('\n');

export const VERSION = versioned('draft-2', SYSTEM, DraftAnswer);

export function draftPrompt(data: { jobAd: string; dossier: Dossier; creativity: keyof typeof VOICE }) {
  const { document, masterProfile: _profile, ...intel } = data.dossier;
  return {
    system: SYSTEM,
    user: [VOICE[data.creativity], asData('job_ad', data.jobAd), asData('resume_lines', resumeLines(document)), asData('dossier', intel)].join('\n\n'),
  };
}
