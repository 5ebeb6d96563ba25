import { auditCoverLetter } from '../../audit/cover-letter.js';
import { CoverLetterDraft, type CoverLetter } from '../../domain/cover-letter.js';
import type { ExtractedSkill } from '../../domain/input.js';
import type { Dossier } from '../../domain/outputs.js';
import { coverLetterPrompt, VERSION } from '../prompts/cover-letter.js';
import { singleCall, type StageContext, type StageResult } from './stage.js';

export interface CoverLetterSees {
  jobAd: string;
  dossier: Dossier;
  /**
   * What the audit reads, never sent to the model: every sentence of the letter is checked against
   * the original resume (and the upstream skills at or above the threshold).
   */
  auditAgainst: { resumeText: string; extractedSkills: ExtractedSkill[]; confidenceThreshold: number };
}

/** The letter as the model (or `local`) wrote it, less every sentence the resume does not support. */
export async function runCoverLetter(sees: CoverLetterSees, ctx: StageContext): Promise<StageResult<CoverLetter>> {
  const data = { jobAd: sees.jobAd, dossier: sees.dossier };
  const { output, calls } = await singleCall(ctx, {
    stage: 'COVER_LETTER',
    name: 'cover_letter',
    schema: CoverLetterDraft,
    data,
    prompt: () => coverLetterPrompt(data),
    promptVersion: VERSION,
    temperature: 0.4,
  });
  const letter = auditCoverLetter({ ...sees.auditAgainst, jobAd: sees.jobAd }, output);
  const notes = letter.findings.length
    ? [`COVER_LETTER: ${letter.findings.length} sentence(s) the resume does not support were left out of the letter (see coverLetter.findings).`]
    : [];
  return { output: letter, calls, notes };
}
