/** The research dossier (task `research`): the whole resume as parseable markdown, plus intel, strategy and metrics. */
import type { Analysis, Dossier } from './types.js';
import { renderDoc, toDoc, docEntries, entryHeading } from './document.js';
import { parseJobAd } from './jobad.js';
import { parseResume } from './resume.js';
import { englishList, isBullet, stripBullet, stripMarkdown } from './text.js';
import { relevance } from './relevance.js';
import { numbersIn } from './numbers.js';

export function runResearch(input: { resumeText: string; jobAd: string; analysis: Analysis; domainInsights: Record<string, unknown> | null; asOf: string }): Dossier {
  const doc = toDoc(input.resumeText ?? '');
  const masterProfile = renderDoc(doc);
  const jp = parseJobAd(input.jobAd ?? '');
  const a = input.analysis;
  const gap = a?.gapAnalysis;
  const di = a?.domainInsights;
  const r = parseResume(input.resumeText ?? '');

  // key metrics: every number in the resume, with its line and role
  const keyMetrics: string[] = [];
  for (const s of doc.sections) {
    for (const e of s.entries ?? []) {
      for (const b of e.bullets) {
        const nums = numbersIn(b);
        if (nums.length) keyMetrics.push(`${nums.join(', ')} — ${b} (${entryHeading(e)})`);
      }
    }
    for (const l of s.lines) {
      const t = isBullet(l) ? stripBullet(l) : stripMarkdown(l);
      const nums = numbersIn(t);
      if (nums.length) keyMetrics.push(`${nums.join(', ')} — ${t} (${s.heading})`);
    }
  }

  const entries = docEntries(doc);
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
    lead.length ? `Most relevant roles: ${englishList(lead.map((x) => entryHeading(x.e)))}; put their job-relevant bullets first.` : '',
    keyMetrics.length ? `Keep every number exactly as written (${keyMetrics.length} metric line${keyMetrics.length === 1 ? '' : 's'}).` : 'The resume has no numbers; do not invent any.',
    critical.length ? `Do not claim the missing required items (${englishList(critical.slice(0, 8))}); address them in suggestions instead.` : '',
    missing.length > critical.length ? `Nice-to-have gaps to leave out of the resume: ${englishList(missing.filter((m) => !critical.includes(m)).slice(0, 8))}.` : '',
    `Keep all ${entries.length} role${entries.length === 1 ? '' : 's'}, every date and every section (${englishList(doc.sections.map((s) => s.heading))}); keep the name${r.name ? ` "${r.name}"` : ''}.`,
  ]
    .filter(Boolean)
    .join(' ');

  return { masterProfile, industryIntel, tailoringStrategy, keyMetrics };
}
