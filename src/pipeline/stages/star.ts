import { parseTarget, roleHeading } from '../../domain/document.js';
import { StarAnswer, type CreativeDraft, type Dossier, type StarBullet, type StarDraft } from '../../domain/outputs.js';
import { auditContext, auditNote, auditProposals } from '../../audit/index.js';
import { renderResume } from '../../documents/resume-markdown.js';
import { starPrompt, VERSION } from '../prompts/star.js';
import { singleCall, type StageContext, type StageResult } from './stage.js';

export interface StarSees {
  creativeDraft: CreativeDraft;
  dossier: Dossier;
}

/** Bullet rewrites by target, each audited against the bullet it replaces. */
export async function runStar(sees: StarSees, ctx: StageContext): Promise<StageResult<StarDraft>> {
  const data = { ...sees };
  const { output, calls } = await singleCall(ctx, { stage: 'STAR', name: 'star', schema: StarAnswer, data, prompt: () => starPrompt(data), promptVersion: VERSION, temperature: 0.2 });
  const { star, notes } = starOutput(sees.dossier, sees.creativeDraft, output);
  return { output: star, calls, notes };
}

export function starOutput(dossier: Dossier, draft: CreativeDraft, answer: StarAnswer): { star: StarDraft; notes: string[] } {
  const { document } = dossier;
  const rewrites = answer.bullets.filter((b) => parseTarget(b.target)?.kind === 'bullet');
  const audited = auditProposals(
    'STAR',
    rewrites.map((b) => ({ target: b.target, after: b.text })),
    auditContext(document),
    draft.changes.length + 1,
  );
  audited.discarded += answer.bullets.length - rewrites.length;
  const byTarget = new Map(audited.changes.map((c) => [c.target, c]));
  const bullets: StarBullet[] = rewrites.flatMap((b) => {
    const change = byTarget.get(b.target.trim());
    const t = parseTarget(b.target);
    if (!change || t?.kind !== 'bullet') return [];
    return [{ role: roleHeading(document.experience[t.role]!), target: change.target, situation: b.situation, task: b.task, action: b.action, result: b.result, text: change.after }];
  });
  const changes = [...draft.changes, ...audited.changes];
  const note = auditNote('STAR', audited);
  return { star: { draftMarkdown: renderResume(document, changes), bullets, changes, document }, notes: note ? [note] : [] };
}
