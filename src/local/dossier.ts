/**
 * The research answer (task `research`): intel, strategy, key metrics citing their lines and the job-ad keywords
 * the resume evidences. The document itself is built in code, not here: the engine never retypes the resume.
 */
import { documentLines, roleHeading, type ResumeDocument } from '../domain/document.js';
import type { Analysis, ResearchAnswer } from './types.js';
import { parseJobAd } from './jobad.js';
import { englishList } from './text.js';
import { relevance } from './relevance.js';
import { numbersIn } from './numbers.js';
import { docSkills } from './draft.js';

export function runResearch(input: { document: ResumeDocument; jobAd: string; analysis: Analysis; asOf: string }): ResearchAnswer {
  const doc = input.document;
  const jp = parseJobAd(input.jobAd ?? '');
  const a = input.analysis;
  const gap = a?.gapAnalysis;
  const di = a?.domainInsights;
  const lines = documentLines(doc);

  // key metrics: every line that states a number, cited by its target
  const keyMetrics = lines
    .filter((l) => l.editable && numbersIn(l.text).length > 0)
    .map((l) => ({ target: l.target, metric: l.text }));
  const { evidenced } = docSkills(lines.map((l) => l.text).join('\n'));
  const evidencedKeywords = jp.requirements.filter((q) => q.kind === 'skill' && evidenced.has(q.keyword)).map((q) => q.keyword);

  const entries = doc.experience.map((e) => ({ ...e, heading: roleHeading(e) }));
  const ranked = entries
    .map((e, i) => ({ e, i, score: relevance([e.title, ...e.bullets].join(' '), jp) }))
    .sort((x, y) => y.score - x.score || x.i - y.i);
  const matched = gap?.matchedKeywords ?? [];
  const missing = gap?.missingKeywords ?? [];
  const critical = gap?.criticalGaps ?? [];
  const domain = di?.domain ?? 'General';
  const required = jp.requirements.filter((q) => q.required).map((q) => q.keyword);
  const preferred = jp.requirements.filter((q) => !q.required).map((q) => q.keyword);

  const industryIntel = [
    `Target role: ${jp.title || 'not stated'} (${domain}).`,
    required.length ? `The ad requires ${englishList(required.slice(0, 12))}.` : 'The ad lists no explicit requirements.',
    preferred.length ? `It prefers ${englishList(preferred.slice(0, 10))}.` : '',
    jp.yearsRequired !== null ? `It asks for ${jp.yearsRequired}+ years of experience; the resume shows ${a?.seniority?.yearsOfExperience ?? 0}.` : '',
    jp.seniority ? `Seniority asked: ${jp.seniority.toLowerCase()}; the resume reads as ${(a?.seniority?.level ?? 'MID').toLowerCase()}.` : '',
    di?.emergingTrends?.length ? `Trends in ${domain}: ${englishList(di.emergingTrends.slice(0, 5))}.` : '',
  ]
    .filter(Boolean)
    .join(' ');

  const lead = ranked.filter((x) => x.score > 0).slice(0, 3);
  const tailoringStrategy = [
    matched.length ? `Lead with evidenced matches: ${englishList(matched.slice(0, 10))}.` : 'Few job keywords are evidenced; lead with transferable achievements and their numbers.',
    lead.length ? `Most relevant roles: ${englishList(lead.map((x) => x.e.heading))}; put their job-relevant bullets first.` : '',
    keyMetrics.length ? `Keep every number exactly as written (${keyMetrics.length} metric line${keyMetrics.length === 1 ? '' : 's'}).` : 'The resume has no numbers; do not invent any.',
    critical.length ? `Do not claim the missing required items (${englishList(critical.slice(0, 8))}); address them in suggestions instead.` : '',
    missing.length > critical.length ? `Nice-to-have gaps to leave out of the resume: ${englishList(missing.filter((m) => !critical.includes(m)).slice(0, 8))}.` : '',
    `Keep all ${entries.length} role${entries.length === 1 ? '' : 's'}, every date and every section (${englishList(doc.sections.map((s) => s.heading))}).`,
  ]
    .filter(Boolean)
    .join(' ');

  return { industryIntel, tailoringStrategy, keyMetrics, evidencedKeywords, sources: [] };
}
