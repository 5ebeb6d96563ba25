import { asData, DATA_RULE } from './delimit.js';

export const VERSION = 'cover-letter-1';

export function coverLetterPrompt(data: { jobAd: string; dossier: unknown }) {
  return {
    system: [
      'You write a cover letter for the candidate whose master dossier you are given, for the job ad you are given.',
      'Address it to the hiring company and the role the job ad names. Three to five short paragraphs of plain prose (no markdown, no lists):',
      'why this role, the two or three strongest matches between the job ad and what the dossier evidences (use its own figures, exactly),',
      'and, where the job ad asks for something the dossier does not show and it matters, say so honestly and briefly (for example that you have not yet used it professionally).',
      'Claim nothing the dossier does not state: no other employer, title, date, degree, certification, skill or number. Every sentence is checked against the resume;',
      'a sentence it does not support is removed from the letter.',
      'salutation: the greeting line; paragraphs: the body; closing: the sign-off and the candidate\'s name as the dossier gives it.',
      DATA_RULE,
    ].join('\n'),
    user: [asData('job_ad', data.jobAd), asData('dossier', data.dossier)].join('\n\n'),
  };
}
