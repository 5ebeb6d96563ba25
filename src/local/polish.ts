/**
 * The final resume (task `polish`) from the STAR draft and the job ad, and `annotatePolish`, which re-maps any
 * provider's final resume onto the original resume and appends the truthfulness findings.
 */
import type { PolishedResume, ProvenanceEntry, StarDraft } from './types.js';
import { docEntries, renderDoc, toDoc, type DocSection } from './document.js';
import { parseJobAd } from './jobad.js';
import { relevance } from './relevance.js';
import { findSkillHits, findSkills, impliedSkills, titleSkills } from './skills.js';
import { contentTokens, englishList, isBullet, memo, normalizeText, stripBullet, stripMarkdown } from './text.js';
import { numbersIn } from './numbers.js';
import { verifyTailoring } from './truth.js';

const SECTION_ORDER: Record<string, number> = { summary: 0, skills: 1, experience: 2, projects: 3 };

interface SourceLine {
  text: string;
  tokens: Set<string>;
  nums: string[];
}

function indexLines(text: string): SourceLine[] {
  return normalizeText(text)
    .split('\n')
    .map((l) => stripMarkdown(isBullet(l) ? stripBullet(l) : l).trim())
    .filter((l) => l && !/^(?:=|-|_|\*){3,}$/.test(l))
    .map((l) => ({ text: l, tokens: new Set(contentTokens(l)), nums: numbersIn(l) }));
}

/** The source line a claim rests on: the best by shared content words (numbers must agree), or null. */
export function bestSource(claim: string, sources: SourceLine[]): { source: string | null; score: number } {
  const toks = contentTokens(claim);
  if (toks.length === 0) {
    const exact = sources.find((s) => s.text === claim);
    return { source: exact ? exact.text : null, score: exact ? 1 : 0 };
  }
  const nums = numbersIn(claim);
  let best: SourceLine | null = null;
  let bestScore = 0;
  for (const s of sources) {
    let hit = 0;
    for (const t of toks) if (s.tokens.has(t)) hit++;
    let score = hit / toks.length;
    if (nums.length && nums.some((n) => !s.nums.includes(n))) score *= 0.6;
    if (score > bestScore) [best, bestScore] = [s, score];
  }
  const needed = toks.length <= 2 ? 1 : 0.5;
  return bestScore >= needed && best ? { source: best.text, score: bestScore } : { source: null, score: bestScore };
}

function evidencedBy(line: string): Set<string> {
  const out = new Set<string>();
  for (const k of findSkills(line)) {
    out.add(k);
    for (const i of impliedSkills(k)) out.add(i);
  }
  for (const t of titleSkills(line)) out.add(t);
  return out;
}

function skillListSource(claim: string, sources: SourceLine[]): string | null {
  const skills = findSkills(claim);
  if (skills.length < 2) return null;
  // only lines that are essentially a list of skills ("Relevant to this role: Go, Kubernetes")
  let residual = claim;
  for (const h of findSkillHits(claim)) residual = residual.replace(h.text, ' ');
  if (contentTokens(residual).length > 4) return null;
  const evid = sources.map((s) => ({ s, e: evidencedBy(s.text) }));
  const used: SourceLine[] = [];
  for (const k of skills) {
    const hit = evid.find((x) => x.e.has(k));
    if (!hit) return null;
    if (!used.includes(hit.s)) used.push(hit.s);
  }
  return used.slice(0, 4).map((s) => s.text).join(' / ');
}

function provenanceFor(markdown: string, sourceText: string, flagged: string[] = []): ProvenanceEntry[] {
  const sources = indexLines(sourceText);
  const out: ProvenanceEntry[] = [];
  for (const raw of normalizeText(markdown).split('\n')) {
    const claim = stripMarkdown(isBullet(raw) ? stripBullet(raw) : raw).trim();
    if (!claim || /^(?:=|-|_|\*){3,}$/.test(claim)) continue;
    let { source } = bestSource(claim, sources);
    // a list of skills rests on the lines that name (or evidence) each of them
    if (!source) source = skillListSource(claim, sources);
    const isFlagged = flagged.some((f) => f && (claim.includes(f) || f.includes(claim)));
    out.push({ claim, source, synthetic: source === null || isFlagged });
  }
  return out;
}

function reorderListLine(line: string, order: (s: string) => number): string {
  const prefix = /^(- )?((?:[^:]{1,40}):\s*)?/.exec(line);
  const head = prefix ? prefix[0] : '';
  const body = line.slice(head.length);
  if (!/,/.test(body)) return line;
  const items = body.split(/\s*,\s*/).filter(Boolean);
  const scored = items.map((it, i) => ({ it, i, s: order(it) }));
  scored.sort((a, b) => b.s - a.s || a.i - b.i);
  return head + scored.map((x) => x.it).join(', ');
}

export function runPolish(input: { star: StarDraft; jobAd: string }): PolishedResume {
  const draft = input.star?.draftMarkdown ?? '';
  const doc = toDoc(draft);
  const jp = parseJobAd(input.jobAd ?? '');
  const notes: string[] = [];
  const jobSkills = jp.requirements.filter((r) => r.kind === 'skill');
  const weight = new Map(jobSkills.map((r) => [r.keyword, r.required ? 2 : 1]));

  // 1. bullets: most job-relevant first within each role (stable)
  let moved = 0;
  for (const e of docEntries(doc)) {
    const scored = e.bullets.map((b, i) => ({ b, i, s: relevance(b, jp) }));
    scored.sort((a, b) => b.s - a.s || a.i - b.i);
    if (scored.some((x, i) => x.i !== i)) moved++;
    e.bullets = scored.map((x) => x.b);
  }
  if (moved) notes.push(`Reordered bullets in ${moved} role${moved === 1 ? '' : 's'} so the ones closest to the job ad come first.`);

  // 2. skills lines: job-relevant items first
  const skillsSection = doc.sections.find((s) => s.kind === 'skills');
  if (skillsSection) {
    skillsSection.lines = skillsSection.lines.map((l) =>
      reorderListLine(l, (item) => {
        const found = findSkills(item);
        return found.reduce((m, s) => Math.max(m, weight.get(s) ?? 0), 0);
      }),
    );
  }

  // 3. job keywords the draft evidences (named or implied) but does not spell out: worked in, with the evidence
  const named = new Set(findSkills(draft));
  const evidence = new Map<string, string>();
  for (const n of named) for (const i of impliedSkills(n)) if (!named.has(i) && !evidence.has(i)) evidence.set(i, n);
  const workIn = jobSkills.filter((r) => !named.has(r.keyword) && evidence.has(r.keyword)).map((r) => r.keyword);
  const relevantNamed = jobSkills.filter((r) => named.has(r.keyword)).map((r) => r.keyword);
  const evidencedGroups = new Set(jobSkills.filter((r) => r.group && (named.has(r.keyword) || evidence.has(r.keyword))).map((r) => r.group));
  const unevidenced = jobSkills.filter((r) => !named.has(r.keyword) && !evidence.has(r.keyword) && !(r.group && evidencedGroups.has(r.group))).map((r) => r.keyword);
  if (relevantNamed.length || workIn.length) {
    const line = `- Relevant to this role: ${[...relevantNamed, ...workIn].join(', ')}`;
    if (skillsSection) skillsSection.lines.unshift(line);
    else doc.sections.push({ heading: 'Skills', kind: 'skills', entries: null, lines: [line] });
  }
  if (workIn.length) notes.push(`Worked in job keywords the resume evidences: ${englishList(workIn.map((k) => `${k} (evidenced by ${evidence.get(k)})`))}.`);
  if (unevidenced.length) notes.push(`Not added, because nothing in the resume evidences them: ${englishList(unevidenced.slice(0, 12))}.`);

  // 4. section order: summary, skills, experience, projects, then the rest as written
  const indexed = doc.sections.map((s, i) => ({ s, i }));
  indexed.sort((a, b) => (SECTION_ORDER[a.s.kind] ?? 10) - (SECTION_ORDER[b.s.kind] ?? 10) || a.i - b.i);
  const before = doc.sections.map((s) => s.heading).join('|');
  doc.sections = indexed.map((x) => x.s) as DocSection[];
  if (doc.sections.map((s) => s.heading).join('|') !== before) notes.push('Moved the summary and skills ahead of the experience section.');

  const entries = docEntries(doc);
  notes.push(`Kept all ${entries.length} role${entries.length === 1 ? '' : 's'} with their titles and dates, and all ${doc.sections.length} section${doc.sections.length === 1 ? '' : 's'}.`);
  const finalResumeMarkdown = renderDoc(doc);
  const provenance = provenanceFor(finalResumeMarkdown, draft);
  return { finalResumeMarkdown, editorialNotes: notes, provenance };
}

/**
 * Used by POLISH after any provider answered: provenance of each line of the final resume is re-mapped to the
 * ORIGINAL resume line it rests on (synthetic where none, or where the truthfulness check flags it), and the
 * truthfulness findings are appended to editorialNotes. Never rejects, never throws; only annotates.
 */
/**
 * The same inputs always annotate alike, and a cached POLISH answer comes back with the same
 * inputs: remembered (by their JSON, bounded like every memo here) rather than checked again.
 */
const annotateRemembered = memo((key: string): PolishedResume => {
  const [originalResume, jobAd, polished] = JSON.parse(key) as [string, string, PolishedResume];
  return annotateUncached(originalResume, polished, jobAd);
}, 200);

export function annotatePolish(originalResume: string, polished: PolishedResume, jobAd: string): PolishedResume {
  return annotateRemembered(JSON.stringify([originalResume ?? '', jobAd ?? '', polished ?? null]));
}

function annotateUncached(originalResume: string, polished: PolishedResume, jobAd: string): PolishedResume {
  const markdown = typeof polished?.finalResumeMarkdown === 'string' ? polished.finalResumeMarkdown : '';
  const notes = Array.isArray(polished?.editorialNotes) ? polished.editorialNotes.filter((n) => typeof n === 'string') : [];
  try {
    const verdict = verifyTailoring(originalResume ?? '', markdown, jobAd ?? '');
    const flagged = verdict.findings.filter((f) => f.kind !== 'DROPPED_SECTION').map((f) => f.excerpt);
    const provenance = provenanceFor(markdown, originalResume ?? '', flagged);
    const extra: string[] = [];
    if (verdict.faithful) {
      extra.push('Truthfulness check: every employer, title, date, number, degree, certification and the name are supported by the original resume, and no section was dropped.');
    } else {
      for (const f of verdict.findings) extra.push(`Truthfulness check — ${f.kind}: ${f.detail}`);
    }
    const synthetic = provenance.filter((p) => p.synthetic).length;
    extra.push(`Provenance: ${provenance.length - synthetic} of ${provenance.length} lines rest on a line of the original resume; ${synthetic} marked synthetic.`);
    return { finalResumeMarkdown: markdown, editorialNotes: [...notes, ...extra], provenance };
  } catch {
    // The check only annotates: its failure must not fail the stage, nor pass for a clean bill.
    return {
      finalResumeMarkdown: markdown,
      editorialNotes: [...notes, 'Truthfulness check: it could not run on this resume; check every employer, title, date and number by hand.'],
      provenance: Array.isArray(polished?.provenance) ? polished.provenance : [],
    };
  }
}
