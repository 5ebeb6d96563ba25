/** One provenance entry per line of the final resume: the original line it rests on. */
import type { ResumeChange } from '../domain/changes.js';
import { documentLines, type ResumeDocument } from '../domain/document.js';
import type { ProvenanceEntry } from '../domain/outputs.js';
import { findSkillHits, findSkills } from '../local/skills.js';
import { contentTokens, sentences } from '../local/text.js';

function bestSource(claim: string, sources: string[]): string | null {
  const toks = new Set(contentTokens(claim));
  if (!toks.size) return null;
  let best: string | null = null;
  let bestScore = 0;
  for (const s of sources) {
    let hit = 0;
    for (const t of new Set(contentTokens(s))) if (toks.has(t)) hit++;
    const score = hit / toks.size;
    if (score > bestScore) [best, bestScore] = [s, score];
  }
  return bestScore >= 0.5 ? best : null;
}

/** A sentence composed from several lines (a title, employers, skills): the lines that together hold its words. */
function coveringSources(claim: string, sources: string[]): string | null {
  // skills are matched by name (the resume may write "AWS" where the claim says "Amazon Web Services")
  const used: string[] = [];
  let rest = claim;
  for (const skill of findSkills(claim)) {
    const line = sources.find((s) => findSkills(s).includes(skill));
    if (!line) return null;
    if (!used.includes(line)) used.push(line);
  }
  for (const h of findSkillHits(claim)) rest = rest.replace(h.text, ' ');
  const missing = new Set(contentTokens(rest));
  const total = missing.size;
  while (missing.size && used.length < 8) {
    let best: string | null = null;
    let bestHit = 0;
    for (const s of sources) {
      let hit = 0;
      for (const t of new Set(contentTokens(s))) if (missing.has(t)) hit++;
      if (hit > bestHit) [best, bestHit] = [s, hit];
    }
    if (!best) break;
    used.push(best);
    for (const t of contentTokens(best)) missing.delete(t);
  }
  return missing.size <= Math.max(1, total * 0.2) && used.length ? used.join(' / ') : null;
}

/** `original` is the parsed resume; `final` the same document with the applied changes. */
export function provenanceOf(original: ResumeDocument, final: ResumeDocument, changes: readonly ResumeChange[]): ProvenanceEntry[] {
  const before = new Map(documentLines(original).map((l) => [l.target, l.text]));
  const sources = [...before.values()];
  const rewritten = new Map(changes.filter((c) => c.status === 'APPLIED' && c.before).map((c) => [c.after, c.before!]));
  const out: ProvenanceEntry[] = [];
  for (const line of documentLines(final)) {
    if (line.target === 'summary' && line.text !== before.get('summary')) {
      for (const claim of sentences(line.text)) {
        const source = bestSource(claim, sources) ?? coveringSources(claim, sources);
        out.push({ claim, source, synthetic: source === null });
      }
      continue;
    }
    const source = before.get(line.target) === line.text || sources.includes(line.text) ? line.text : (rewritten.get(line.text) ?? bestSource(line.text, sources));
    out.push({ claim: line.text, source, synthetic: source === null });
  }
  return out;
}
