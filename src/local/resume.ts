/**
 * The structured view of a resume: name, contact lines, sections, experience entries, education, certifications.
 * Used on raw resumes and on the engine's own markdown (masterProfile, STAR draft, final resume) alike.
 */
import { DEGREES } from './taxonomy.js';
import { parseExperienceLines, looksLikeTitle, type ParsedExperience } from './experience.js';
import { splitSections, type Section } from './sections.js';
import { findCertifications } from './skills.js';
import { isBullet, normalizeText, stripBullet, stripMarkdown } from './text.js';
import { findDateRanges } from './dates.js';
import { recoverLayout } from './layout.js';

export interface ParsedResume {
  name: string | null;
  contact: string[];
  /** Preamble lines that are neither name nor contact (an untitled summary). */
  intro: string[];
  sections: Section[];
  experiences: ParsedExperience[];
  education: string[];
  certifications: string[];
  degrees: { level: number; label: string; text: string }[];
  lines: string[];
}

const CONTACT = /@|https?:\/\/|www\.|linkedin|github\.com|\+?\d[\d\s().-]{6,}\d|\|/i;

const DOCUMENT_WORD = /^(?:resume|résumé|curriculum vitae|cv|c\.v\.|lebenslauf|bio\s*data|biodata)(?:\s*[/|]\s*(?:resume|cv|curriculum vitae))?$/i;

function looksLikeName(line: string): boolean {
  const s = stripMarkdown(line).trim();
  if (!s || s.length > 60) return false;
  if (/[@\d|/]/.test(s)) return false;
  const words = s.split(/\s+/);
  if (words.length > 6) return false;
  if (/[.!?]$/.test(s)) return false;
  return true;
}

const cache = new Map<string, ParsedResume>();

/** Parses a resume (memoised on the exact text: every stage re-reads the same documents). */
export function parseResume(text: string): ParsedResume {
  const hit = cache.get(text);
  if (hit) return hit;
  const parsed = parseResumeUncached(text);
  if (cache.size > 64) cache.clear();
  cache.set(text, parsed);
  return parsed;
}

function parseResumeUncached(text: string): ParsedResume {
  // two columns read into one stream, or no line breaks at all: recovered before anything else reads the lines
  const lines = recoverLayout(normalizeText(text).split('\n'));
  let sections = splitSections(lines);
  const pre = sections[0];
  let name: string | null = null;
  const contact: string[] = [];
  const intro: string[] = [];
  let sawContent = false;
  for (const l of pre.lines) {
    const s = stripMarkdown(l).trim();
    if (!s) continue;
    // "RESUME", "Curriculum Vitae", "Lebenslauf / CV" above the name say what the document is
    if (!sawContent && DOCUMENT_WORD.test(s)) {
      intro.push(l);
      continue;
    }
    const labelled = /^(?:full\s+)?name\s*[:：]\s*(.+)$/i.exec(s);
    if (!name && labelled && looksLikeName(labelled[1])) {
      name = labelled[1].trim();
      sawContent = true;
      continue;
    }
    if (!sawContent) {
      sawContent = true;
      // "Arjun Mehta — Machine Learning Engineer": the name is the part before the dash
      const dashed = /^(.+?)\s+[—–-]\s+(.+)$/.exec(s);
      if (dashed && looksLikeName(dashed[1]) && looksLikeTitle(dashed[2]) && !CONTACT.test(s)) {
        name = dashed[1];
        intro.push(dashed[2]);
        continue;
      }
      if (looksLikeName(s) && !CONTACT.test(s)) {
        name = s;
        continue;
      }
      // "Jane Doe | jane@x.com" — a name before the first separator
      const first = s.split(/\s*[|•·,]\s*/)[0];
      if (first && first !== s && looksLikeName(first)) {
        name = first;
        contact.push(s.slice(s.indexOf(first) + first.length).replace(/^\s*[|•·,]\s*/, ''));
        continue;
      }
    }
    if (CONTACT.test(s) && s.length < 200 && (intro.length === 0 || /@|https?:\/\/|www\.|linkedin|github|\+?\d[\d\s().-]{6,}\d/i.test(s))) contact.push(s);
    else intro.push(l);
  }
  // "Name: Wanjiru Kamau" under a "Personal details" heading
  if (!name) {
    for (const l of lines.slice(0, 20)) {
      const m = /^\s*(?:full\s+)?name\s*[:：]\s*(.+)$/i.exec(stripMarkdown(l));
      if (m && looksLikeName(m[1])) {
        name = m[1].trim();
        break;
      }
    }
  }
  // Documents with no headings at all: find experience entries among all lines
  const hasExperience = sections.some((s) => s.kind === 'experience');
  let experiences: ParsedExperience[] = [];
  for (const s of sections) if (s.kind === 'experience') experiences.push(...parseExperienceLines(s.lines));
  if (!hasExperience) {
    // a headingless resume: dated lines in the preamble or in 'other' sections may still be jobs
    const isDegree = (l: string): boolean => DEGREES.some((d) => d.pattern.test(l));
    const candidates = [...intro, ...sections.slice(1).filter((s) => s.kind === 'other').flatMap((s) => s.lines)].filter((l) => !isDegree(l));
    if (candidates.some((l) => findDateRanges(l).length > 0)) {
      experiences = parseExperienceLines(candidates).filter((e) => (e.title || e.company) && e.dateText && looksLikeTitle(`${e.title} ${e.company}`));
    }
  }
  const education: string[] = [];
  for (const s of sections) if (s.kind === 'education') for (const l of s.lines) if (l.trim()) education.push(isBullet(l) ? stripBullet(l) : stripMarkdown(l));
  const certifications: string[] = [];
  for (const s of sections) if (s.kind === 'certifications') for (const l of s.lines) if (l.trim()) certifications.push(isBullet(l) ? stripBullet(l) : stripMarkdown(l));
  const degrees: ParsedResume['degrees'] = [];
  const eduText = education.join('\n') || sections.filter((s) => s.kind !== 'experience').flatMap((s) => s.lines).join('\n');
  for (const line of eduText.split('\n')) {
    for (const d of DEGREES) {
      if (d.pattern.test(line)) {
        degrees.push({ level: d.level, label: d.label, text: line.trim() });
        break;
      }
    }
  }
  sections = sections.filter((s, i) => i === 0 || s.heading);
  return { name, contact, intro, sections, experiences, education, certifications, degrees, lines };
}

/** Certifications mentioned anywhere in the resume (known names), plus the lines of its certifications section. */
export function resumeCertifications(r: ParsedResume): string[] {
  return findCertifications(r.lines.join('\n'));
}
