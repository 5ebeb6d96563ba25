/**
 * The polish proposals (task `polish`) from the STAR draft and the job ad: bullets ordered by relevance within
 * each role, skill lines with the job's skills first, job keywords the resume evidences worked into the line that
 * evidences them, and editorial notes. The final resume is rendered from the document and the audited changes.
 */
import { bulletTarget, skillTarget } from '../domain/document.js';
import { applyChanges } from '../domain/apply.js';
import type { PolishAnswer, StarDraft } from './types.js';
import { parseJobAd } from './jobad.js';
import { relevance } from './relevance.js';
import { findSkills, impliedSkills } from './skills.js';
import { englishList } from './text.js';

function reorderListLine(line: string, order: (s: string) => number): string {
  const prefix = /^((?:[^:]{1,40}):\s*)?/.exec(line);
  const head = prefix ? prefix[0] : '';
  const body = line.slice(head.length);
  if (!/,/.test(body)) return line;
  const items = body.split(/\s*,\s*/).filter(Boolean);
  const scored = items.map((it, i) => ({ it, i, s: order(it) }));
  scored.sort((a, b) => b.s - a.s || a.i - b.i);
  return head + scored.map((x) => x.it).join(', ');
}

export function runPolish(input: { star: StarDraft; jobAd: string }): PolishAnswer {
  const star = input.star;
  const doc = applyChanges(star.document, star.changes ?? []);
  const changed = new Set((star.changes ?? []).map((c) => c.target));
  const jp = parseJobAd(input.jobAd ?? '');
  const notes: string[] = [];
  const jobSkills = jp.requirements.filter((r) => r.kind === 'skill');
  const weight = new Map(jobSkills.map((r) => [r.keyword, r.required ? 2 : 1]));

  // 1. bullets: most job-relevant first within each role (stable)
  const bulletOrder: PolishAnswer['bulletOrder'] = [];
  doc.experience.forEach((role, i) => {
    const scored = role.bullets.map((b, j) => ({ j, s: relevance(b, jp) }));
    scored.sort((a, b) => b.s - a.s || a.j - b.j);
    if (scored.some((x, k) => x.j !== k)) bulletOrder.push({ role: `experience[${i}]`, order: scored.map((x) => bulletTarget(i, x.j)) });
  });
  if (bulletOrder.length) notes.push(`Reordered bullets in ${bulletOrder.length} role${bulletOrder.length === 1 ? '' : 's'} so the ones closest to the job ad come first.`);

  // 2. skill lines: job-relevant items first
  const skillLines: PolishAnswer['skillLines'] = [];
  doc.skills.forEach((line, i) => {
    const text = reorderListLine(line, (item) => findSkills(item).reduce((m, s) => Math.max(m, weight.get(s) ?? 0), 0));
    if (text !== line && !changed.has(skillTarget(i))) skillLines.push({ target: skillTarget(i), text });
  });
  if (skillLines.length) notes.push('Put the skills the job ad asks for first in the skills section.');

  // 3. job keywords a line evidences (implied by a skill it names) but does not spell out: worked into that line
  const all = [...doc.summary, ...doc.experience.flatMap((r) => r.bullets), ...doc.skills].join('\n');
  const named = new Set(findSkills(all));
  const keywordEdits: PolishAnswer['keywordEdits'] = [];
  const used = new Set<string>();
  const worked: string[] = [];
  for (const r of jobSkills) {
    if (named.has(r.keyword)) continue;
    const lines = [
      ...doc.experience.flatMap((role, i) => role.bullets.map((text, j) => ({ target: bulletTarget(i, j), text }))),
      ...doc.skills.map((text, i) => ({ target: skillTarget(i), text })),
    ];
    const line = lines.find((l) => !changed.has(l.target) && !used.has(l.target) && findSkills(l.text).some((s) => impliedSkills(s).includes(r.keyword)));
    if (!line) continue;
    const by = findSkills(line.text).find((s) => impliedSkills(s).includes(r.keyword))!;
    used.add(line.target);
    worked.push(`${r.keyword} (evidenced by ${by})`);
    const text = line.target.startsWith('skills') ? `${line.text.replace(/[.;]\s*$/, '')}, ${r.keyword}` : `${line.text.replace(/[.;]\s*$/, '')} (${r.keyword})`;
    keywordEdits.push({ target: line.target, keyword: r.keyword, text });
  }
  if (worked.length) notes.push(`Worked in job keywords the resume evidences: ${englishList(worked)}.`);
  const evidencedGroups = new Set(jobSkills.filter((r) => r.group && (named.has(r.keyword) || worked.some((w) => w.startsWith(r.keyword)))).map((r) => r.group));
  const unevidenced = jobSkills
    .filter((r) => !named.has(r.keyword) && !worked.some((w) => w.startsWith(`${r.keyword} `)) && !(r.group && evidencedGroups.has(r.group)))
    .filter((r) => ![...named].some((n) => impliedSkills(n).includes(r.keyword)))
    .map((r) => r.keyword);
  if (unevidenced.length) notes.push(`Not added, because nothing in the resume evidences them: ${englishList(unevidenced.slice(0, 12))}.`);
  notes.push(`Kept all ${doc.experience.length} role${doc.experience.length === 1 ? '' : 's'} with their titles and dates, and all ${doc.sections.length} section${doc.sections.length === 1 ? '' : 's'}.`);
  return { bulletOrder, skillLines, keywordEdits, editorialNotes: notes };
}
