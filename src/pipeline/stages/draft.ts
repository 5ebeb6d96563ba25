import type { Creativity } from '../../domain/input.js';
import { SUMMARY_TARGET } from '../../domain/document.js';
import { DraftAnswer, type CreativeDraft, type Dossier } from '../../domain/outputs.js';
import { auditContext, auditNote, auditProposals } from '../../audit/index.js';
import { draftPrompt, VERSION } from '../prompts/draft.js';
import { singleCall, type StageContext, type StageResult } from './stage.js';

/** The raw resume is discarded here: the drafter sees the job ad and the dossier only. */
export interface DraftSees {
  jobAd: string;
  dossier: Dossier;
  creativity: Creativity;
}

const TEMPERATURE: Record<Creativity, number> = { CONSERVATIVE: 0.3, BALANCED: 0.7, BOLD: 1.0 };

/** The narrative and story arc, and a proposed summary, audited against the whole resume. */
export async function runDraft(sees: DraftSees, ctx: StageContext): Promise<StageResult<CreativeDraft>> {
  const data = { ...sees };
  const { output, calls } = await singleCall(ctx, {
    stage: 'DRAFT',
    name: 'draft',
    schema: DraftAnswer,
    data,
    prompt: () => draftPrompt(data),
    promptVersion: VERSION,
    temperature: TEMPERATURE[sees.creativity],
  });
  const { draft, notes } = draftOutput(sees.dossier, output);
  return { output: draft, calls, notes };
}

export function draftOutput(dossier: Dossier, answer: DraftAnswer): { draft: CreativeDraft; notes: string[] } {
  const audited = auditProposals('DRAFT', [{ target: SUMMARY_TARGET, after: answer.summary }], auditContext(dossier.document), 1);
  const note = auditNote('DRAFT', audited);
  return { draft: { narrative: answer.narrative, storyArc: answer.storyArc, changes: audited.changes }, notes: note ? [note] : [] };
}
