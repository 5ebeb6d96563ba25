import { asData, DATA_RULE } from './delimit.js';

export const VERSION = 'polish-1';

export function polishPrompt(data: { star: unknown; jobAd: string }) {
  return {
    system: [
      'You are the final editor. Produce the final resume in markdown from the STAR draft, re-reading the job ad:',
      "order content by relevance to the job ad, use the job ad's words where the draft evidences them, keep every employer, title, date and section.",
      'editorialNotes: what you changed and why, and any gap the resume cannot honestly cover.',
      'provenance: one entry per claim of the final resume with the draft line it rests on as source; synthetic true where nothing supports it.',
      DATA_RULE,
    ].join('\n'),
    user: [asData('job_ad', data.jobAd), asData('star_draft', data.star)].join('\n\n'),
  };
}
