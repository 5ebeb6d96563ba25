/**
 * The local engine's cover letter: plain and correct. It sees the job ad and the dossier only, and
 * writes from the master profile's own lines: the role and company the ad names, the bullets that
 * evidence the most of what the ad asks for (quoted, figures included), the skills both share, and
 * the ad's required skills the profile does not show, said as a gap.
 */
import { docEntries, toDoc, type DocEntry } from './document.js';
import { parseJobAd } from './jobad.js';
import { findSkills } from './skills.js';
import { normalizeText, stripMarkdown } from './text.js';
import type { CoverLetterDraft, Dossier } from './types.js';

const GENERIC_ABOUT = /^(?:us|the role|the team|the job|the position|you|this role|the company|our team)$/i;

/** The hiring company as the ad names it, or null. */
export function jobAdCompany(jobAd: string): string | null {
  const lines = normalizeText(jobAd)
    .split('\n')
    .map((l) => stripMarkdown(l).trim())
    .filter(Boolean);
  for (const line of lines) {
    const labelled = /^(?:company|employer|organi[sz]ation)\s*:\s*(.{2,60})$/i.exec(line);
    if (labelled) return labelled[1]!.trim();
  }
  const first = lines[0] ?? '';
  const dash = /\s[—–-]\s+([^—–(|,]{2,60}?)(?:\s*[(|,].*)?$/.exec(first);
  if (dash && !/remote|hybrid|on-?site|full[- ]time|part[- ]time/i.test(dash[1]!)) return dash[1]!.trim();
  const at = /\s(?:at|@)\s+([A-Z][^,(|]{1,60}?)\s*(?:[(|,].*)?$/.exec(first);
  if (at) return at[1]!.trim();
  const second = lines[1] ?? '';
  const companyLine = /^([A-Z][\w&.' ]{1,40}?)\s+[—–-]\s+(?:remote|hybrid|on-?site|[A-Z])/.exec(second);
  if (companyLine) return companyLine[1]!.trim();
  for (const line of lines.slice(0, 40)) {
    const about = /^about\s+([A-Z][\w&.' -]{1,40})$/i.exec(line);
    if (about && !GENERIC_ABOUT.test(about[1]!.trim())) return about[1]!.trim();
    const hiring = /^([A-Z][\w&.' ]{1,40}?)\s+is (?:hiring|looking|seeking)\b/.exec(line);
    if (hiring) return hiring[1]!.trim();
  }
  return null;
}

/** The role as the ad names it: its title line without the company. */
function jobAdRole(jobAd: string, company: string | null): string | null {
  const title = stripMarkdown(parseJobAd(jobAd).title || '').trim();
  if (!title) return null;
  const escaped = company?.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const role = escaped ? title.replace(new RegExp(`\\s*(?:[—–-]|\\bat\\b|@)\\s*${escaped}.*$`, 'i'), '') : title;
  return role.replace(/\s*[—–-]\s*$/, '').trim() || null;
}

function lowerFirst(text: string): string {
  const [word = ''] = text.split(/\s/, 1);
  if (word.length > 1 && word === word.toUpperCase()) return text; // an acronym
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function sentence(text: string): string {
  const t = text.trim().replace(/[.;:,]+$/, '');
  return `${t}.`;
}

function listed(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
}

/** "Distributed systems" reads "distributed systems" mid-sentence; "Amazon Web Services" and "Go" stay. */
function inSentence(skill: string): string {
  return /^[A-Z][a-z]+(?: [a-z][\w-]*)+$/.test(skill) ? skill.charAt(0).toLowerCase() + skill.slice(1) : skill;
}

interface Evidence {
  entry: DocEntry;
  bullet: string;
  skills: string[];
}

export function runCoverLetter(input: { jobAd: string; dossier: Dossier }): CoverLetterDraft {
  const doc = toDoc(input.dossier?.masterProfile ?? '');
  const jp = parseJobAd(input.jobAd ?? '');
  const company = jobAdCompany(input.jobAd ?? '');
  const role = jobAdRole(input.jobAd ?? '', company);
  const profileText = input.dossier?.masterProfile ?? '';
  const profileSkills = new Set(findSkills(profileText));
  const wanted = jp.allSkills;
  const shared = wanted.filter((s) => profileSkills.has(s));
  const required = [...new Set(jp.requirements.filter((r) => r.kind === 'skill' && r.required).map((r) => r.keyword))];
  const gaps = required.filter((s) => !profileSkills.has(s)).slice(0, 2);

  const entries = docEntries(doc);
  const evidence: Evidence[] = [];
  for (const entry of entries) {
    for (const bullet of entry.bullets) {
      const skills = findSkills(bullet).filter((s) => wanted.includes(s));
      if (skills.length) evidence.push({ entry, bullet, skills });
    }
  }
  // The lines that evidence the most of what the ad asks for, one per skill set, most recent first on ties.
  evidence.sort((a, b) => b.skills.length - a.skills.length || entries.indexOf(a.entry) - entries.indexOf(b.entry));
  const chosen: Evidence[] = [];
  const covered = new Set<string>();
  for (const e of evidence) {
    if (chosen.length >= 3) break;
    if (e.skills.every((s) => covered.has(s))) continue;
    chosen.push(e);
    e.skills.forEach((s) => covered.add(s));
  }

  const salutation = company ? `Dear ${company} hiring team,` : 'Dear Hiring Manager,';
  const paragraphs: string[] = [];
  const opening = [`I am writing to apply for the ${role ?? 'position'}${role ? ' role' : ''}${company ? ` at ${company}` : ''}.`];
  const latest = entries[0];
  if (latest && latest.title && latest.company) {
    opening.push(
      /present|current|now/i.test(latest.dateText)
        ? `I currently work as ${latest.title} at ${latest.company}.`
        : `Most recently I worked as ${latest.title} at ${latest.company}.`,
    );
  }
  paragraphs.push(opening.join(' '));
  if (chosen.length) {
    const said = new Set<string>();
    paragraphs.push(
      chosen
        .map((e) => {
          const line = stripMarkdown(e.bullet);
          if (!e.entry.company) return sentence(line);
          const first = !said.has(e.entry.company);
          said.add(e.entry.company);
          return sentence(first ? `At ${e.entry.company}, I ${lowerFirst(line)}` : `There, I also ${lowerFirst(line)}`);
        })
        .join(' '),
    );
  }
  if (shared.length) {
    const skills = shared.slice(0, 6).map(inSentence);
    paragraphs.push(`My work so far has used ${listed(skills)}, which this role asks for.`);
  }
  if (gaps.length) {
    paragraphs.push(
      `I have not yet worked with ${listed(gaps.map(inSentence))} professionally; I would be glad to ramp up on ${gaps.length > 1 ? 'them' : 'it'} quickly.`,
    );
  }
  paragraphs.push('Thank you for considering my application. I would welcome the chance to talk about how I could contribute to your team.');
  const name = doc.name ? stripMarkdown(doc.name).trim() : '';
  return { salutation, paragraphs: paragraphs.slice(0, 5), closing: name ? `Sincerely,\n${name}` : 'Sincerely,' };
}
