import type { ProposedChange } from '../../domain/changes.js';
import { bulletsTarget, parseTarget } from '../../domain/document.js';
import { settleChanges } from '../../domain/apply.js';
import { PolishAnswer, type PolishedResume, type StarDraft } from '../../domain/outputs.js';
import { auditContext, auditNote, auditProposals, provenanceOf } from '../../audit/index.js';
import { renderMarkdown } from '../../documents/resume-markdown.js';
import { polishPrompt, VERSION } from '../prompts/polish.js';
import { singleCall, type StageContext, type StageResult } from './stage.js';

export interface PolishSees {
  star: StarDraft;
  jobAd: string;
}

/**
 * Orders, skill lines and keyword integrations, audited; then the final resume is rendered from the
 * document and every APPLIED change of DRAFT, STAR and POLISH. No model writes the resume itself.
 */
export async function runPolish(sees: PolishSees, ctx: StageContext): Promise<StageResult<PolishedResume>> {
  const data = { ...sees };
  const { output, calls } = await singleCall(ctx, {
    stage: 'POLISH',
    name: 'polish',
    schema: PolishAnswer,
    data,
    prompt: () => polishPrompt(data),
    promptVersion: VERSION,
    temperature: 0.2,
  });
  const { polished, notes } = polishOutput(sees.star, output);
  return { output: polished, calls, notes };
}

const ROLE = /^experience\[(\d+)\]$/;

export function polishOutput(star: StarDraft, answer: PolishAnswer): { polished: PolishedResume; notes: string[] } {
  const { document } = star;
  const earlier = new Set(star.changes.map((c) => c.target));
  const proposals: ProposedChange[] = [];
  let discarded = 0;
  for (const o of answer.bulletOrder) {
    const role = Number(ROLE.exec(o.role.trim())?.[1] ?? NaN);
    const order = o.order.map((t) => {
      const p = parseTarget(t);
      return p?.kind === 'bullet' && p.role === role ? p.bullet : -1;
    });
    if (Number.isNaN(role)) discarded++;
    else proposals.push({ target: bulletsTarget(role), after: '', order });
  }
  for (const e of answer.skillLines) {
    if (parseTarget(e.target)?.kind === 'skill' && !earlier.has(e.target.trim())) proposals.push({ target: e.target, after: e.text });
    else discarded++;
  }
  for (const k of answer.keywordEdits) {
    const kind = parseTarget(k.target)?.kind;
    // one change per line: a line an earlier stage already changed is not changed again
    if ((kind === 'bullet' || kind === 'skill') && !earlier.has(k.target.trim())) proposals.push({ target: k.target, after: k.text });
    else discarded++;
  }
  const audited = auditProposals('POLISH', proposals, auditContext(document), star.changes.length + 1);
  audited.discarded += discarded;
  const { document: final, changes } = settleChanges(document, [...star.changes, ...audited.changes]);
  const held = changes.filter((c) => c.status === 'HELD');
  const editorialNotes = [
    ...answer.editorialNotes.filter((n) => typeof n === 'string' && n.trim()),
    ...held.map((c) => `Held ${c.id} (${c.target}), not in the resume: ${c.findings.map((f) => `${f.kind}: ${f.detail}`).join(' ')}`),
  ];
  const note = auditNote('POLISH', audited);
  return {
    polished: { finalResumeMarkdown: renderMarkdown(final), editorialNotes, provenance: provenanceOf(document, final, changes), changes, document },
    notes: note ? [note] : [],
  };
}
