/**
 * The critique (task `critique`) of any provider's suggestions against the job ad: aligns each to the job's own
 * requirements, makes it specific (names the gap keyword and a concrete deliverable), merges duplicates, drops
 * suggestions that address nothing the job asks for, and re-prioritises (required gaps first, in the ad's order).
 */
import type { Suggestion, SuggestionKind, Suggestions } from './types.js';
import { parseJobAd } from './jobad.js';
import { canonicalSkill, findCertifications, findSkills } from './skills.js';
import { deliverable, findRequirement, kindFor } from './suggest.js';
import { containment as contentOverlap } from './text.js';

const KINDS: SuggestionKind[] = ['PROJECT', 'CERTIFICATION', 'EXPERIENCE', 'SKILL', 'WORDING'];
const VAGUE = /\b(?:improve|enhance|consider|work on|try to|maybe|various|some|stuff|things|better|more)\b/i;

export function runCritique(input: { suggestions: Suggestion[]; jobAd: string }): Suggestions {
  const jp = parseJobAd(input.jobAd ?? '');
  const reqIndex = new Map(jp.requirements.map((r, i) => [r.keyword.toLowerCase(), i]));
  const adText = (input.jobAd ?? '').toLowerCase();
  type Draft = { s: Suggestion; gaps: string[]; score: number; order: number };
  const kept = new Map<string, Draft>();
  const list = Array.isArray(input.suggestions) ? input.suggestions : [];
  list.forEach((raw, order) => {
    if (!raw || typeof raw !== 'object') return;
    const title = typeof raw.title === 'string' ? raw.title.trim() : '';
    const detail = typeof raw.detail === 'string' ? raw.detail.trim() : '';
    const kind: SuggestionKind = KINDS.includes(raw.kind) ? raw.kind : 'SKILL';
    // align: keep the gaps the job ad actually asks for; recover them from the text when the list is empty
    let gaps = (Array.isArray(raw.addressesGaps) ? raw.addressesGaps : [])
      .filter((g): g is string => typeof g === 'string' && g.trim() !== '')
      .map((g) => (reqIndex.has(g.toLowerCase()) ? g : canonicalSkill(g).name))
      .filter((g) => reqIndex.has(g.toLowerCase()) || adText.includes(g.toLowerCase()));
    if (gaps.length === 0) {
      // recover the gaps from the title only: a detail's examples are not what the suggestion is about
      gaps = [...findSkills(title), ...findCertifications(title)].filter((g) => reqIndex.has(g.toLowerCase()));
    }
    gaps = [...new Set(gaps)];
    if (gaps.length === 0) return; // addresses nothing this job asks for: dropped
    const primary = gaps[0];
    const req = findRequirement(jp, primary);
    const fittingKind = kind === 'WORDING' ? 'WORDING' : kindFor(req, primary);
    const finalKind = kind === 'CERTIFICATION' && req?.kind !== 'certification' ? fittingKind : kind === 'WORDING' ? kind : kind ?? fittingKind;
    const key = `${finalKind}:${primary.toLowerCase()}`;
    const score =
      finalKind === 'WORDING'
        ? 1 // wording makes evidence visible; it closes no gap, so it comes after every gap
        : gaps.reduce((sum, g) => {
            const r = findRequirement(jp, g);
            return sum + (r ? (r.required ? 10 : 4) : 1);
          }, 0);
    const existing = kept.get(key);
    if (existing) {
      existing.gaps = [...new Set([...existing.gaps, ...gaps])];
      existing.score = Math.max(existing.score, score);
      return;
    }
    const specific = detail.length >= 60 && !VAGUE.test(title) && gaps.every((g) => `${title} ${detail}`.toLowerCase().includes(g.toLowerCase()));
    const concrete = deliverable(finalKind, gaps.length > 1 && finalKind === 'WORDING' ? gaps.join(', ') : primary);
    const verb: Record<SuggestionKind, string> = {
      PROJECT: 'Build a project with',
      CERTIFICATION: 'Earn',
      EXPERIENCE: 'Gain hands-on experience with',
      SKILL: 'Learn',
      WORDING: 'Name explicitly:',
    };
    const newTitle = `${verb[finalKind]} ${gaps.length > 1 ? gaps.slice(0, 3).join(', ') : primary}`;
    const where = req?.line && !detail.includes(req.line.slice(0, 40)) ? ` The ad says: "${req.line.slice(0, 110)}".` : '';
    const hasDeliverable = specific && contentOverlap(concrete, detail) >= 0.6;
    const newDetail = hasDeliverable ? `${detail}${where}`.trim() : `${specific ? detail.replace(/\s*$/, ' ') : ''}${concrete}${where}`.trim();
    kept.set(key, { s: { kind: finalKind, title: newTitle, detail: newDetail, addressesGaps: gaps, priority: 1 }, gaps, score, order });
  });
  const drafts = [...kept.values()];
  drafts.sort((a, b) => {
    if (b.score !== a.score) return b.score - a.score;
    const ia = Math.min(...a.gaps.map((g) => reqIndex.get(g.toLowerCase()) ?? 999));
    const ib = Math.min(...b.gaps.map((g) => reqIndex.get(g.toLowerCase()) ?? 999));
    return ia - ib || a.order - b.order;
  });
  return { suggestions: drafts.map((d, i) => ({ ...d.s, addressesGaps: d.gaps, priority: i + 1 })) };
}
