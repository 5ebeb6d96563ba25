/**
 * The resume document: the resume parsed once, deterministically, into named lines. Every line has
 * a `target` (`summary`, `experience[1].bullets[0]`, `skills[0]`, …): the name a model sees and
 * uses to propose a change, and the name a change keeps in the record. Employers, titles, dates,
 * education and the section list are the document's alone: no model writes them.
 */
import type { ExtractedSkill } from './input.js';

export const DOC_SECTION_KINDS = ['summary', 'experience', 'skills', 'education', 'certifications', 'other'] as const;
export type DocSectionKind = (typeof DOC_SECTION_KINDS)[number];

export interface DocDates {
  /** `YYYY-MM`, `YYYY` or `Present`; null when the resume gives none. */
  start: string | null;
  end: string | null;
  /** In the document's one date style (`Jan 2020 – Present`), or as written when it could not be read. */
  text: string;
}

export interface DocRole {
  employer: string;
  title: string;
  location: string;
  dates: DocDates;
  bullets: string[];
  /** The index in `sections` of the section this role is listed under. */
  section: number;
}

export interface DocOtherSection {
  heading: string;
  lines: string[];
}

/** One section of the original, in the original's order, with its heading as written. */
export interface DocSectionRef {
  kind: DocSectionKind;
  heading: string;
  /** For `other`: its index in `other`. */
  other?: number;
}

export interface ResumeDocument {
  name: string | null;
  contact: string[];
  /** The summary's lines (empty when the resume has none). */
  summary: string[];
  experience: DocRole[];
  /** Skill lines as written (`Languages: Go, Rust`), without list markers. */
  skills: string[];
  education: string[];
  certifications: string[];
  other: DocOtherSection[];
  sections: DocSectionRef[];
  /** Upstream skills attached to the document: the audit accepts those at or above the threshold. */
  extractedSkills: ExtractedSkill[];
  confidenceThreshold: number;
  domainInsights: Record<string, unknown> | null;
  /** What the builder had to do that a reader should know (lines it could not place, kept under "other"). */
  notes: string[];
}

/** A line of the document by its target; `editable` lines are the ones a model may propose to change. */
export interface DocLine {
  target: string;
  text: string;
  editable: boolean;
}

export const SUMMARY_TARGET = 'summary';
export const bulletTarget = (role: number, bullet: number): string => `experience[${role}].bullets[${bullet}]`;
export const bulletsTarget = (role: number): string => `experience[${role}].bullets`;
export const skillTarget = (line: number): string => `skills[${line}]`;

/** Every line of the document in reading order, each named by its target. */
export function documentLines(doc: ResumeDocument): DocLine[] {
  const out: DocLine[] = [];
  if (doc.name) out.push({ target: 'name', text: doc.name, editable: false });
  doc.contact.forEach((text, i) => out.push({ target: `contact[${i}]`, text, editable: false }));
  if (doc.summary.length) out.push({ target: SUMMARY_TARGET, text: doc.summary.join(' '), editable: true });
  doc.experience.forEach((r, i) => {
    if (r.title) out.push({ target: `experience[${i}].title`, text: r.title, editable: false });
    if (r.employer) out.push({ target: `experience[${i}].employer`, text: r.employer, editable: false });
    if (r.location) out.push({ target: `experience[${i}].location`, text: r.location, editable: false });
    if (r.dates.text) out.push({ target: `experience[${i}].dates`, text: r.dates.text, editable: false });
    r.bullets.forEach((text, j) => out.push({ target: bulletTarget(i, j), text, editable: true }));
  });
  doc.skills.forEach((text, i) => out.push({ target: skillTarget(i), text, editable: true }));
  doc.education.forEach((text, i) => out.push({ target: `education[${i}]`, text, editable: false }));
  doc.certifications.forEach((text, i) => out.push({ target: `certifications[${i}]`, text, editable: false }));
  doc.other.forEach((s, k) => s.lines.forEach((text, j) => out.push({ target: `other[${k}].lines[${j}]`, text, editable: false })));
  return out;
}

const BULLET = /^experience\[(\d+)\]\.bullets\[(\d+)\]$/;
const BULLETS = /^experience\[(\d+)\]\.bullets$/;
const SKILL = /^skills\[(\d+)\]$/;

export type ParsedTarget =
  | { kind: 'summary' }
  | { kind: 'bullet'; role: number; bullet: number }
  | { kind: 'bullets'; role: number }
  | { kind: 'skill'; line: number };

/** What a target names, when it names something a change may touch; null otherwise. */
export function parseTarget(target: string): ParsedTarget | null {
  const t = target.trim();
  if (t === SUMMARY_TARGET) return { kind: 'summary' };
  let m = BULLET.exec(t);
  if (m) return { kind: 'bullet', role: Number(m[1]), bullet: Number(m[2]) };
  m = BULLETS.exec(t);
  if (m) return { kind: 'bullets', role: Number(m[1]) };
  m = SKILL.exec(t);
  if (m) return { kind: 'skill', line: Number(m[1]) };
  return null;
}

/** The document's current text of a changeable target (`''` for a summary the resume lacks), or null when it does not exist. */
export function textAt(doc: ResumeDocument, target: string): string | null {
  const p = parseTarget(target);
  if (!p) return null;
  switch (p.kind) {
    case 'summary':
      return doc.summary.join(' ');
    case 'bullet':
      return doc.experience[p.role]?.bullets[p.bullet] ?? null;
    case 'bullets': {
      const role = doc.experience[p.role];
      return role && role.bullets.length > 1 ? role.bullets.join('\n') : null;
    }
    case 'skill':
      return doc.skills[p.line] ?? null;
  }
}

/** `Title — Employer`, the way the document names a role to a reader. */
export function roleHeading(r: Pick<DocRole, 'title' | 'employer'>): string {
  if (r.title && r.employer) return `${r.title} — ${r.employer}`;
  return r.title || r.employer || 'Role';
}
