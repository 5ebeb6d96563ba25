import type { ResumeChange } from './changes.js';
import { parseTarget, type ResumeDocument } from './document.js';

/** The document with the given changes applied (rewrites first, then orders, which move the rewritten lines). */
export function applyChanges(doc: ResumeDocument, changes: readonly ResumeChange[]): ResumeDocument {
  const out: ResumeDocument = {
    ...doc,
    summary: [...doc.summary],
    experience: doc.experience.map((r) => ({ ...r, bullets: [...r.bullets] })),
    skills: [...doc.skills],
  };
  const applied = changes.filter((c) => c.status === 'APPLIED');
  for (const c of applied) {
    const t = parseTarget(c.target);
    if (!t) continue;
    if (t.kind === 'summary') out.summary = [c.after];
    else if (t.kind === 'bullet' && out.experience[t.role]?.bullets[t.bullet] !== undefined) out.experience[t.role]!.bullets[t.bullet] = c.after;
    else if (t.kind === 'skill' && out.skills[t.line] !== undefined) out.skills[t.line] = c.after;
  }
  for (const c of applied) {
    const t = parseTarget(c.target);
    if (t?.kind !== 'bullets' || !c.order) continue;
    const role = out.experience[t.role];
    if (!role || !isPermutation(c.order, role.bullets.length)) continue;
    role.bullets = c.order.map((i) => role.bullets[i]!);
  }
  return out;
}

export function isPermutation(order: readonly number[], length: number): boolean {
  if (order.length !== length) return false;
  const seen = new Set(order);
  return seen.size === length && order.every((i) => Number.isInteger(i) && i >= 0 && i < length);
}


/**
 * The document with its applied changes, and the changes with each order's `after` brought up to date:
 * an order moves the lines as they stand (rewritten or not), and says so exactly as the resume shows them.
 */
export function settleChanges(doc: ResumeDocument, changes: readonly ResumeChange[]): { document: ResumeDocument; changes: ResumeChange[] } {
  const rewritten = applyChanges(doc, changes.filter((c) => !c.order));
  const settled = changes.map((c) => {
    const t = parseTarget(c.target);
    if (t?.kind !== 'bullets' || !c.order) return c;
    const bullets = rewritten.experience[t.role]?.bullets ?? [];
    if (!isPermutation(c.order, bullets.length)) return c;
    return { ...c, after: c.order.map((i) => `- ${bullets[i]}`).join('\n') };
  });
  return { document: applyChanges(doc, settled), changes: settled };
}
