/** First-pass suggestions (task `suggest`): one per gap, kind by what closes it, priority by how much it matters. */
import type { Analysis, Suggestion, SuggestionKind, Suggestions } from './types.js';
import { parseJobAd, type JobProfile, type Requirement } from './jobad.js';
import { skillCategory } from './skills.js';
import { englishList } from './text.js';

export function findRequirement(jp: JobProfile, keyword: string): Requirement | undefined {
  const k = keyword.toLowerCase();
  return jp.requirements.find((r) => r.keyword.toLowerCase() === k);
}

const TECH = new Set(['software', 'data', 'cloud', 'security']);

/** The kind of suggestion that closes a gap. */
export function kindFor(req: Requirement | undefined, keyword: string): SuggestionKind {
  if (req?.kind === 'certification') return 'CERTIFICATION';
  if (req?.kind === 'degree' || req?.kind === 'years' || /years of experience/i.test(keyword)) return 'EXPERIENCE';
  const cat = skillCategory(keyword);
  if (cat && (TECH.has(cat) || cat === 'design')) return req?.required === false ? 'SKILL' : 'PROJECT';
  if (cat === 'healthcare' || cat === 'sales' || cat === 'finance') return req?.required === false ? 'SKILL' : 'EXPERIENCE';
  return 'SKILL';
}

/** A concrete deliverable for closing `gap` with a suggestion of `kind`. */
export function deliverable(kind: SuggestionKind, gap: string): string {
  const cat = skillCategory(gap);
  switch (kind) {
    case 'CERTIFICATION':
      return `Book the ${gap} exam and list it on the resume only once passed (or as "in progress" with the exam date once booked).`;
    case 'EXPERIENCE':
      if (/years of experience/i.test(gap)) return `Make the length and depth of your experience explicit: give every role full month/year dates and one scope line (team size, budget or users) taken from your actual work.`;
      if (/degree|phd|mba/i.test(gap)) return `Show equivalent experience for the ${gap} requirement: a short "Education & training" line listing completed courses, and a cover-letter sentence on how your work covers it.`;
      if (cat === 'healthcare') return `Ask for a rotation, shadowing shifts or an in-service module covering ${gap}, and log the hours and cases in your clinical portfolio.`;
      if (cat === 'sales') return `Take on ${gap} in your current role for one quarter (e.g. a named account list or pilot motion) and record the pipeline and revenue figures.`;
      if (cat === 'finance') return `Volunteer for a close, audit or planning cycle that uses ${gap}, then add one bullet with the outcome in numbers.`;
      return `Volunteer for a piece of work that uses ${gap} in your current role and add one bullet with the outcome once it ships.`;
    case 'PROJECT':
      if (cat === 'data') return `Publish a small end-to-end analysis or pipeline using ${gap} on a public dataset (repo + README stating the result as a number) and link it under Projects.`;
      if (cat === 'cloud') return `Deploy a sample service with ${gap} (infrastructure code, a teardown script and a short write-up of cost and reliability), and link it under Projects.`;
      if (cat === 'design') return `Produce a one-page case study using ${gap}: the problem, process artefacts, final screens and one measured outcome, and add it to your portfolio.`;
      if (cat === 'security') return `Run a scoped ${gap} exercise on a test environment you own and publish the write-up with findings and fixes.`;
      return `Build and publish a small project that uses ${gap} (tests, a README and a live demo or screenshots) and link it under Projects.`;
    case 'SKILL':
      if (cat === 'sales') return `Complete a ${gap} course and apply it to your next ten opportunities; note the conversion or deal-size change.`;
      if (cat === 'finance') return `Rebuild one existing report or model with ${gap} and note the time saved or accuracy gained.`;
      if (cat === 'healthcare') return `Complete a ${gap} competency module and record it in your continuing-education log.`;
      return `Learn ${gap} through one focused course or tutorial series and use it in a small piece of real work you can describe in one bullet.`;
    case 'WORDING':
      return `Name ${gap} explicitly in the bullets where you already used it, keeping the original numbers.`;
  }
}

export function runSuggest(input: { analysis: Analysis; jobAd: string }): Suggestions {
  const jp = parseJobAd(input.jobAd ?? '');
  const gap = input.analysis?.gapAnalysis;
  const critical = Array.isArray(gap?.criticalGaps) ? gap.criticalGaps : [];
  const nice = Array.isArray(gap?.niceToHaveGaps) ? gap.niceToHaveGaps.filter((g) => !critical.includes(g)) : [];
  const suggestions: Suggestion[] = [];
  let priority = 1;
  for (const [list, required] of [
    [critical, true],
    [nice, false],
  ] as const) {
    for (const g of list) {
      if (typeof g !== 'string' || !g.trim()) continue;
      const req = findRequirement(jp, g);
      const kind = kindFor(req ?? (required ? undefined : { keyword: g, kind: 'skill', required: false, line: '', zone: 'preferred' }), g);
      suggestions.push({
        kind,
        title: `${required ? 'Close the required gap' : 'Add the nice-to-have'}: ${g}`,
        detail: `${required ? 'The job ad requires' : 'The job ad would welcome'} ${g}${req?.line ? ` ("${req.line.slice(0, 100)}")` : ''}, and the resume does not evidence it. ${deliverable(kind, g)}`,
        addressesGaps: [g],
        priority: priority++,
      });
    }
  }
  // matched skills the resume only implies (React → JavaScript): a wording fix
  const resumeSkills = new Set([...(input.analysis?.skills?.high ?? []), ...(input.analysis?.skills?.medium ?? []), ...(input.analysis?.skills?.low ?? [])].filter((s) => s.source !== 'inferred').map((s) => s.name));
  const implicit = (gap?.matchedKeywords ?? []).filter((k) => skillCategory(k) && !resumeSkills.has(k));
  if (implicit.length) {
    suggestions.push({
      kind: 'WORDING',
      title: `Spell out ${englishList(implicit.slice(0, 4))}`,
      detail: `Your resume evidences ${englishList(implicit)} only indirectly. ${deliverable('WORDING', englishList(implicit.slice(0, 4)))}`,
      addressesGaps: implicit,
      priority: priority++,
    });
  }
  const unquantified = (input.analysis?.experiences ?? []).flatMap((e) => e.highlights ?? []).filter((h) => !/\d/.test(h));
  if (unquantified.length >= 2) {
    suggestions.push({
      kind: 'WORDING',
      title: 'Quantify outcomes',
      detail: `${unquantified.length} bullets state no measurable outcome, e.g. "${unquantified[0].slice(0, 90)}". Add the real figure (users, time saved, revenue, error rate) where you know it.`,
      addressesGaps: [],
      priority: priority++,
    });
  }
  return { suggestions };
}
