/** How relevant a piece of resume text is to a job ad: weighted job skills it names, plus shared content words. */
import type { JobProfile } from './jobad.js';
import { findSkills, impliedSkills } from './skills.js';
import { contentTokens } from './text.js';

const adTokenCache = new WeakMap<JobProfile, Set<string>>();

function adTokens(jp: JobProfile): Set<string> {
  let t = adTokenCache.get(jp);
  if (!t) {
    t = new Set(contentTokens([jp.title, ...jp.requirements.map((r) => `${r.keyword} ${r.line}`)].join(' ')).filter((w) => w.length > 3));
    adTokenCache.set(jp, t);
  }
  return t;
}

export function relevance(text: string, jp: JobProfile): number {
  const skills = findSkills(text);
  const withImplied = new Set(skills);
  for (const s of skills) for (const i of impliedSkills(s)) withImplied.add(i);
  let score = 0;
  for (const r of jp.requirements) {
    if (r.kind !== 'skill') continue;
    if (skills.includes(r.keyword)) score += r.required ? 3 : 1.5;
    else if (withImplied.has(r.keyword)) score += r.required ? 1 : 0.5;
  }
  const toks = adTokens(jp);
  let shared = 0;
  for (const w of new Set(contentTokens(text))) if (toks.has(w)) shared++;
  return score + Math.min(2, shared * 0.25);
}
