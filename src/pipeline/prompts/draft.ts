import { asData, DATA_RULE } from './delimit.js';

export const VERSION = 'draft-1';

const VOICE = {
  CONSERVATIVE: 'Keep close to the dossier wording; understated and factual.',
  BALANCED: 'Confident and concrete; reframe facts around what the job ad values.',
  BOLD: 'Vivid and memorable; a strong story arc, still strictly within the facts of the dossier.',
} as const;

export function draftPrompt(data: { jobAd: string; dossier: unknown; creativity: keyof typeof VOICE }) {
  return {
    system: [
      "You are a creative resume writer. Write the candidate's narrative for this job ad from the dossier alone:",
      'narrative is a short career story in the first person without pronouns; storyArc lists its beats in order.',
      'Use only facts present in the dossier: no new employers, titles, dates, degrees, certifications or numbers.',
      VOICE[data.creativity],
      DATA_RULE,
    ].join('\n'),
    user: [asData('job_ad', data.jobAd), asData('dossier', data.dossier)].join('\n\n'),
  };
}
