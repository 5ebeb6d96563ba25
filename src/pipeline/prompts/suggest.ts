import { asData, DATA_RULE } from './delimit.js';

export const VERSION = 'suggest-1';

export function suggestPrompt(data: { analysis: unknown; jobAd: string }) {
  return {
    system: [
      'You are a career coach. For each gap between the candidate and the job ad, propose what would bridge it:',
      'a PROJECT to build, a CERTIFICATION to earn, an EXPERIENCE to seek, a SKILL to learn, or a WORDING change where the resume already has the evidence.',
      'Each suggestion names the gaps it addresses; priority 1 is the most important.',
      DATA_RULE,
    ].join('\n'),
    user: [asData('job_ad', data.jobAd), asData('analysis', data.analysis)].join('\n\n'),
  };
}
