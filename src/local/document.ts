/**
 * The engine's markdown resume form, shared by masterProfile, the STAR draft and the final resume:
 *
 *   # Name
 *   contact line
 *
 *   ## Summary
 *   …
 *   ## Experience            (the resume's own heading wording)
 *   ### Title — Company
 *   Jan 2020 – Present | Berlin
 *   - bullet
 *
 *   ## Education / Skills / …  (lines kept as written, bullets as "- ")
 *
 * `toDoc` reads any resume (raw or this form) into the model; `renderDoc` writes the model back. Reading a
 * rendered doc gives the same model again, so later stages can parse what earlier ones wrote.
 */
import { parseExperienceLines } from './experience.js';
import { DEGREES } from './taxonomy.js';
import { parseResume } from './resume.js';
import type { SectionKind } from './sections.js';
import { isBullet, stripBullet, stripMarkdown } from './text.js';

export interface DocEntry {
  title: string;
  company: string;
  dateText: string;
  location: string;
  bullets: string[];
}

export interface DocSection {
  heading: string;
  kind: SectionKind;
  /** Experience-like sections hold entries; the others hold lines. */
  entries: DocEntry[] | null;
  lines: string[];
}

export interface Doc {
  name: string | null;
  contact: string[];
  sections: DocSection[];
}

const ENTRY_KINDS = new Set<SectionKind>(['experience', 'volunteer']);

function cleanLine(l: string): string {
  const t = l.trim();
  if (!t) return '';
  if (isBullet(t)) return `- ${stripBullet(t)}`;
  return t.replace(/^#{1,6}\s+/, '');
}

export function toDoc(text: string): Doc {
  const r = parseResume(text);
  const sections: DocSection[] = [];
  if (r.intro.some((l) => l.trim())) {
    const intro = r.intro.map(cleanLine).filter(Boolean);
    // a headingless resume whose dated lines were read as experiences keeps them as entries
    if (!r.sections.some((s) => s.kind === 'experience') && r.experiences.length > 0) {
      sections.push({ heading: 'Experience', kind: 'experience', entries: r.experiences.map(toEntry), lines: [] });
      const expLines = new Set(r.experiences.flatMap((e) => [...e.header.map((h) => h.trim()), ...e.bullets.map((b) => b.trim())]));
      const rest = intro.filter((l) => !expLines.has(stripBullet(l)) && !expLines.has(l));
      const isDegree = (l: string): boolean => DEGREES.some((d) => d.pattern.test(l));
      const summary = rest.filter((l) => !isDegree(l));
      const education = rest.filter(isDegree);
      if (summary.length) sections.unshift({ heading: 'Summary', kind: 'summary', entries: null, lines: summary });
      if (education.length) sections.push({ heading: 'Education', kind: 'education', entries: null, lines: education });
    } else sections.push({ heading: 'Summary', kind: 'summary', entries: null, lines: intro });
  }
  for (const s of r.sections) {
    if (!s.heading) continue;
    if (ENTRY_KINDS.has(s.kind)) {
      const entries = parseExperienceLines(s.lines).map(toEntry);
      if (entries.length > 0 || s.lines.every((l) => !l.trim())) {
        sections.push({ heading: s.heading, kind: s.kind, entries, lines: [] });
        continue;
      }
    }
    sections.push({ heading: s.heading, kind: s.kind, entries: null, lines: s.lines.map(cleanLine).filter(Boolean) });
  }
  return { name: r.name, contact: r.contact, sections };
}

function toEntry(e: ReturnType<typeof parseExperienceLines>[number]): DocEntry {
  return { title: e.title, company: e.company, dateText: e.dateText, location: e.location, bullets: e.bullets.map((b) => stripMarkdown(b)) };
}

export function entryHeading(e: DocEntry): string {
  if (e.title && e.company) return `${e.title} — ${e.company}`;
  return e.title || e.company || 'Role';
}

export function renderDoc(doc: Doc): string {
  const out: string[] = [];
  if (doc.name) out.push(`# ${doc.name}`);
  for (const c of doc.contact) out.push(c);
  for (const s of doc.sections) {
    if (out.length) out.push('');
    out.push(`## ${s.heading}`);
    if (s.entries) {
      for (const e of s.entries) {
        out.push(`### ${entryHeading(e)}`);
        const meta = [e.dateText, e.location].filter(Boolean).join(' | ');
        if (meta) out.push(meta);
        for (const b of e.bullets) out.push(`- ${b}`);
      }
    }
    for (const l of s.lines) out.push(l);
  }
  return out.join('\n').trim() + '\n';
}

/** All entries of all experience-like sections. */
export function docEntries(doc: Doc): DocEntry[] {
  return doc.sections.flatMap((s) => s.entries ?? []);
}
