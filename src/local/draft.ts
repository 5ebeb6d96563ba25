/**
 * The creative draft (task `draft`): a summary proposal, a narrative and a story arc, written only from the
 * dossier's document and the job ad. Every fact comes from the document; creativity changes the wording, never the facts.
 */
import type { Creativity, Dossier, DraftAnswer } from './types.js';
import type { ResumeDocument } from '../domain/document.js';
import { entryHeading, type DocEntry } from './document.js';
import { parseJobAd } from './jobad.js';
import { relevance } from './relevance.js';
import { findSkills, impliedSkills } from './skills.js';
import { englishList } from './text.js';

const VOICE: Record<Creativity, { open: (who: string) => string; focus: string; proof: string; next: string; arcVerb: string }> = {
  CONSERVATIVE: {
    open: (who) => `${who}`,
    focus: 'Relevant experience includes',
    proof: 'Representative result:',
    next: 'Seeking to apply this experience as',
    arcVerb: 'worked as',
  },
  BALANCED: {
    open: (who) => `${who}`,
    focus: 'Brings hands-on strength in',
    proof: 'Track record, for example:',
    next: 'Ready to bring this to the role of',
    arcVerb: 'grew as',
  },
  BOLD: {
    open: (who) => `${who}`,
    focus: 'Delivers with',
    proof: 'Proof point:',
    next: 'Next chapter:',
    arcVerb: 'stepped up as',
  },
};

export function docSkills(text: string): { named: string[]; evidenced: Set<string> } {
  const named = findSkills(text);
  const evidenced = new Set(named);
  for (const s of named) for (const i of impliedSkills(s)) evidenced.add(i);
  return { named, evidenced };
}

function period(e: DocEntry): string {
  return e.dateText ? ` (${e.dateText})` : '';
}

/** The document's roles in the engine's entry form. */
export function entriesOf(doc: ResumeDocument | undefined): DocEntry[] {
  return (doc?.experience ?? []).map((r) => ({ title: r.title, company: r.employer, dateText: r.dates.text, location: r.location, bullets: r.bullets }));
}

/** Text of the document's lines, for skill evidence. */
function documentText(doc: ResumeDocument | undefined): string {
  if (!doc) return '';
  return [...doc.summary, ...doc.experience.flatMap((r) => [r.title, ...r.bullets]), ...doc.skills, ...doc.education, ...doc.certifications, ...doc.other.flatMap((o) => o.lines)].join('\n');
}

export function runDraft(input: { jobAd: string; dossier: Dossier; creativity: Creativity }): DraftAnswer {
  const creativity: Creativity = input.creativity === 'CONSERVATIVE' || input.creativity === 'BOLD' ? input.creativity : 'BALANCED';
  const v = VOICE[creativity];
  const document = input.dossier?.document;
  const profile = documentText(document);
  const doc = { name: document?.name ?? null };
  const jp = parseJobAd(input.jobAd ?? '');
  // the role without the hiring company ("Senior Backend Engineer — Finlytics" → "Senior Backend Engineer")
  let role = jp.title.split(/\s+[—–|]\s+|\s+-\s+|\s+at\s+|\s*\(/)[0].replace(/[.:]$/, '').trim();
  if (role && role === role.toUpperCase()) role = role.toLowerCase().replace(/\b\p{L}/gu, (c) => c.toUpperCase()).replace(/\b(Of|And|The|For|In)\b/g, (w) => w.toLowerCase());
  const entries = entriesOf(document);
  const { named, evidenced } = docSkills(profile);
  const jobSkills = jp.requirements.filter((r) => r.kind === 'skill').map((r) => r.keyword);
  const matched = jobSkills.filter((s) => evidenced.has(s));
  const recent = entries[0];
  const who = recent
    ? `${recent.title || 'Professional'}${recent.company ? ` at ${recent.company}` : ''}`
    : doc.name
      ? doc.name
      : 'Candidate';
  const sentences: string[] = [];
  const employers = [...new Set(entries.map((e) => e.company).filter(Boolean))];
  if (creativity === 'BOLD' && matched.length) sentences.push(`${v.open(who)} who turns ${englishList(matched.slice(0, 3))} into shipped results.`);
  else if (creativity === 'CONSERVATIVE') sentences.push(`${v.open(who)}${employers.length > 1 ? `, previously at ${englishList(employers.slice(1, 4))}` : ''}.`);
  else sentences.push(`${v.open(who)}${employers.length > 1 ? ` with prior roles at ${englishList(employers.slice(1, 4))}` : ''}.`);
  if (matched.length) sentences.push(`${v.focus} ${englishList(matched.slice(0, creativity === 'CONSERVATIVE' ? 4 : 6))}.`);
  const bullets = entries.flatMap((e) => e.bullets.map((b) => ({ b, e, score: relevance(b, jp) })));
  bullets.sort((a, b) => b.score - a.score);
  const best = bullets[0];
  if (best) sentences.push(`${v.proof} ${best.b.replace(/\.$/, '')}${creativity === 'CONSERVATIVE' ? '' : ` (${entryHeading(best.e)})`}.`);
  if (role) sentences.push(`${v.next} ${role}.`);
  const narrative = sentences.join(' ');

  const storyArc: string[] = [];
  const chronological = [...entries].reverse();
  chronological.forEach((e, i) => {
    const stage = i === 0 ? (creativity === 'BOLD' ? 'Foundation' : 'Start') : i === chronological.length - 1 ? (creativity === 'BOLD' ? 'Breakthrough' : 'Now') : 'Growth';
    const top = [...e.bullets].sort((a, b) => relevance(b, jp) - relevance(a, jp))[0];
    storyArc.push(`${stage}: ${v.arcVerb} ${entryHeading(e)}${period(e)}${top ? ` — ${top.replace(/\.$/, '')}` : ''}`);
  });
  if (role) storyArc.push(`Next: ${role}${matched.length ? `, building on ${englishList(matched.slice(0, 4))}` : ''}`);
  if (storyArc.length === 0) storyArc.push(doc.name ? `Profile: ${doc.name}` : 'Profile: no roles could be read from the dossier');
  return { summary: summaryOf(entries, matched.filter((s) => named.includes(s)), best?.b ?? null, best?.e ?? null, creativity), narrative, storyArc };
}

/**
 * A summary that reads like a person wrote it: who (the latest title), where (the employers), what (the job's
 * skills the resume evidences) and one achievement as the resume states it. No first person, no section titles,
 * no "for example:" scaffolding, no number the resume does not state.
 */
function summaryOf(entries: DocEntry[], matched: string[], bestBullet: string | null, bestRole: DocEntry | null, creativity: Creativity): string {
  const recent = entries[0];
  const employers = [...new Set(entries.map((e) => e.company).filter(Boolean))];
  const title = recent?.title ? recent.title.replace(/\s+/g, ' ') : 'Professional';
  const sentences: string[] = [];
  if (employers.length) sentences.push(`${title} with experience at ${englishList(employers.slice(0, 3))}.`);
  else sentences.push(`${title}.`);
  if (matched.length) {
    const verb = creativity === 'BOLD' ? 'Delivers with' : creativity === 'CONSERVATIVE' ? 'Works with' : 'Hands-on with';
    sentences.push(`${verb} ${englishList(matched.slice(0, creativity === 'CONSERVATIVE' ? 4 : 6))}.`);
  }
  if (bestBullet && bestRole?.company) {
    const claim = bestBullet.replace(/[.;:]\s*$/, '');
    const lower = /^\p{Lu}\p{Ll}/u.test(claim) ? claim.charAt(0).toLowerCase() + claim.slice(1) : claim;
    sentences.push(`At ${bestRole.company}, ${lower}.`);
  }
  return sentences.join(' ');
}
