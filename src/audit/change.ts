/**
 * Auditing one proposed change: its new text against the lines it rests on (the line it replaces;
 * the whole resume for a summary), the whole resume, and the upstream skills at or above the
 * threshold. A clean change is APPLIED; any finding HOLDS it.
 */
import type { ProposedChange, ResumeChange, TruthFinding } from '../domain/changes.js';
import type { Stage } from '../domain/graph.js';
import { documentLines, parseTarget, textAt, type ResumeDocument } from '../domain/document.js';
import { findSkills } from '../local/skills.js';
import { contentTokens } from '../local/text.js';
import { claimNumbers, sameNumber } from './numbers.js';
import { factFindings, inventedSkills, numberFindings, personFindings, scopeFindings, supportedSkills } from './rules.js';

/** What the audit knows of the original resume, computed once per document. */
export interface AuditContext {
  doc: ResumeDocument;
  /** Every line of the original document, one per line. */
  resumeText: string;
  skills: Set<string>;
}

export function auditContext(doc: ResumeDocument): AuditContext {
  const resumeText = documentLines(doc)
    .map((l) => l.text)
    .join('\n');
  const extracted = doc.extractedSkills.filter((s) => s.confidence >= doc.confidenceThreshold);
  return { doc, resumeText, skills: supportedSkills(resumeText, extracted) };
}

/** The findings for a new text of `target` that replaces `before`. */
export function auditText(target: string, before: string | null, after: string, ctx: AuditContext): TruthFinding[] {
  const kind = parseTarget(target)?.kind;
  // A summary rests on the whole resume; a line on the line it replaces.
  const sources = kind === 'summary' || !before ? [] : [before];
  const findings: TruthFinding[] = [
    ...factFindings(after, ctx.resumeText),
    ...inventedSkills(after, ctx.skills).map((skill) => ({
      kind: 'INVENTED_SKILL' as const,
      excerpt: after.trim().slice(0, 200),
      detail: `"${skill}" is not a skill, tool or technology that the resume or the extracted skills support.`,
    })),
    ...numberFindings(after, sources, ctx.resumeText),
    ...scopeFindings(after, sources, ctx.resumeText),
    ...personFindings(after, before),
  ];
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.kind}:${f.detail}`;
    return !seen.has(key) && !!seen.add(key);
  });
}

export interface AuditedProposals {
  changes: ResumeChange[];
  /** Proposals for targets that do not exist (or that no model may change), discarded. */
  discarded: number;
  /** Proposals that change nothing, dropped. */
  unchanged: number;
}

/**
 * Turns proposals into audited changes. `nextId` numbers them within the enhancement; a second
 * proposal for a target already changed by this stage is discarded.
 */
export function auditProposals(stage: Stage, proposals: readonly ProposedChange[], ctx: AuditContext, firstId: number): AuditedProposals {
  const changes: ResumeChange[] = [];
  const taken = new Set<string>();
  let discarded = 0;
  let unchanged = 0;
  for (const p of proposals) {
    const target = p.target.trim();
    const before = textAt(ctx.doc, target);
    const parsed = parseTarget(target);
    if (before === null || !parsed || taken.has(target)) {
      discarded++;
      continue;
    }
    if (parsed.kind === 'bullets') {
      // an order: the role's own bullets, each once
      const n = ctx.doc.experience[parsed.role]!.bullets.length;
      const order = p.order ?? [];
      if (order.length !== n || new Set(order).size !== n || order.some((i) => !Number.isInteger(i) || i < 0 || i >= n)) {
        discarded++;
        continue;
      }
      if (order.every((v, i) => v === i)) {
        unchanged++;
        continue;
      }
      taken.add(target);
      const bullets = ctx.doc.experience[parsed.role]!.bullets;
      changes.push({
        id: `c${firstId + changes.length}`,
        stage,
        target,
        before: bullets.map((b) => `- ${b}`).join('\n'),
        after: order.map((i) => `- ${bullets[i]}`).join('\n'),
        status: 'APPLIED',
        reviewed: false,
        findings: [],
        order: [...order],
      });
      continue;
    }
    const after = p.after.replace(/\s+/g, ' ').trim();
    if (!after || after === before) {
      unchanged++;
      continue;
    }
    taken.add(target);
    const findings = auditText(target, before || null, after, ctx);
    changes.push({
      id: `c${firstId + changes.length}`,
      stage,
      target,
      before: before || null,
      after,
      status: findings.length ? 'HELD' : 'APPLIED',
      reviewed: false,
      findings,
    });
  }
  return { changes, discarded, unchanged };
}

/** The sentence a stage's notes carry about what the audit did with its proposals. */
export function auditNote(stage: Stage, audited: AuditedProposals): string | null {
  const applied = audited.changes.filter((c) => c.status === 'APPLIED').length;
  const held = audited.changes.length - applied;
  const parts: string[] = [];
  if (audited.changes.length) parts.push(`${applied} change${applied === 1 ? '' : 's'} applied, ${held} held by the audit`);
  if (audited.discarded) parts.push(`${audited.discarded} proposal${audited.discarded === 1 ? '' : 's'} for a line that does not exist (or that no model may change) discarded`);
  return parts.length ? `${stage}: ${parts.join('; ')}.` : null;
}

/** A job-ad keyword some resume line evidences (a skill the resume supports, or words it states). */
export function evidences(keyword: string, ctx: AuditContext): boolean {
  const skills = findSkills(keyword);
  if (skills.length) return skills.every((s) => ctx.skills.has(s.toLowerCase()));
  const words = contentTokens(keyword);
  const have = new Set(contentTokens(ctx.resumeText));
  return words.length > 0 && words.every((w) => have.has(w));
}

/** A key metric states only numbers its line states. */
export function metricSupported(metric: string, line: string): boolean {
  const held = claimNumbers(line);
  const nums = claimNumbers(metric);
  return nums.length > 0 && nums.every((n) => held.some((m) => sameNumber(m, n)));
}
