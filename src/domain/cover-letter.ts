/**
 * The cover letter: what the COVER_LETTER stage asks a model for (`CoverLetterDraft`, sent on the
 * wire as the structured-output rule, so every field is required and described) and what it
 * keeps once the audit has read every sentence (`CoverLetter`).
 */
import { z } from 'zod';
import { TRUTH_FINDING_KINDS } from './changes.js';

export const CoverLetterDraft = z.object({
  salutation: z
    .string()
    .describe('The greeting line, addressed to the hiring company or its hiring manager by role, e.g. "Dear Finlytics hiring team,".'),
  paragraphs: z
    .array(z.string().describe('One short paragraph of plain prose: no markdown, no bullet points, no headings.'))
    .describe(
      'Three to five short paragraphs: why this role at this company, the strongest matches the resume evidences (with its own figures), ' +
        'an honest word on a gap where it matters, and a close.',
    ),
  closing: z.string().describe('The sign-off and the candidate\'s name as the resume gives it, e.g. "Sincerely,\\nJane Doe".'),
});


export const LetterFinding = z.object({
  kind: z.enum(TRUTH_FINDING_KINDS),
  /** The sentence that was left out of the letter. */
  excerpt: z.string(),
  detail: z.string(),
});

/** What COVER_LETTER leaves in the record: the audited letter and what the audit left out. */
export const CoverLetter = z.object({
  markdown: z.string(),
  findings: z.array(LetterFinding),
});

export type CoverLetterDraft = z.infer<typeof CoverLetterDraft>;
export type LetterFinding = z.infer<typeof LetterFinding>;
export type CoverLetter = z.infer<typeof CoverLetter>;
