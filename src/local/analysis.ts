/** The resume-only profile (task `analysis`): experiences, skill inventory, seniority. */
import type { Experience, ExtractedSkill, ResumeProfile, SkillEntry } from './types.js';
import { parseResume, type ParsedResume } from './resume.js';
import { assessSeniority } from './seniority.js';
import { canonicalSkill, findSkillHits, findSkills, impliedSkills } from './skills.js';
import { clamp, latinShare, round2 } from './text.js';
import { parseExperienceLines, type ParsedExperience } from './experience.js';

export function experienceOut(e: ParsedExperience): Experience {
  return {
    title: e.title,
    company: e.company,
    startDate: e.start ? e.start.value : null,
    endDate: e.end ? e.end.value : e.start && !e.start.month ? e.start.value : null,
    highlights: [...e.bullets],
    skills: [...findSkills([e.title, ...e.bullets].join('\n'))],
  };
}

interface Evidence {
  mentions: number;
  inExperience: boolean;
  inSkillsSection: boolean;
  first: number;
}

/** Skills the resume itself names, with the evidence behind each. */
export function resumeSkillEvidence(r: ParsedResume): Map<string, Evidence> {
  const ev = new Map<string, Evidence>();
  const add = (text: string, where: 'exp' | 'skills' | 'other', base: number): void => {
    for (const h of findSkillHits(text)) {
      const e = ev.get(h.name) ?? { mentions: 0, inExperience: false, inSkillsSection: false, first: base + h.index };
      e.mentions++;
      if (where === 'exp') e.inExperience = true;
      if (where === 'skills') e.inSkillsSection = true;
      ev.set(h.name, e);
    }
  };
  let offset = 0;
  for (const s of r.sections) {
    // employer names are not skills ("Account Executive — Salesforce"): experience sections count titles and bullets only
    const text = !s.heading
      ? r.intro.join('\n')
      : s.kind === 'experience'
        ? parseExperienceLines(s.lines).flatMap((e) => [e.title, ...e.bullets]).join('\n')
        : s.lines.join('\n');
    const where = s.kind === 'experience' || s.kind === 'projects' || s.kind === 'volunteer' ? 'exp' : s.kind === 'skills' ? 'skills' : 'other';
    add(text, where, offset);
    offset += 100_000;
  }
  // headingless resumes: experiences found among preamble lines
  if (!r.sections.some((s) => s.kind === 'experience')) {
    for (const e of r.experiences) for (const h of findSkillHits([e.title, ...e.bullets].join('\n'))) {
      const x = ev.get(h.name);
      if (x) x.inExperience = true;
    }
  }
  return ev;
}

/**
 * Confidence of a resume skill: 0.55 for a single mention, +0.1 per further mention (at most +0.2), +0.15 when
 * it is used in an experience/project, +0.05 when also listed under Skills; at most 0.95. An input skill that the
 * resume also names combines both as independent evidence (1 − (1−a)(1−b)). Input-only skills keep their given
 * confidence. Inferred skills (implied by a named one: React → JavaScript) get 0.4.
 */
function resumeConfidence(e: Evidence): number {
  return Math.min(0.95, 0.55 + Math.min(0.2, 0.1 * (e.mentions - 1)) + (e.inExperience ? 0.15 : 0) + (e.inSkillsSection ? 0.05 : 0));
}

export function runAnalysis(input: { resumeText: string; extractedSkills: ExtractedSkill[]; confidenceThreshold: number; asOf: string }): ResumeProfile {
  const r = parseResume(input.resumeText ?? '');
  const textConfidence = Math.max(0.15, latinShare(r.lines.join(' ')));
  const experiences = r.experiences.map(experienceOut);
  const evidence = resumeSkillEvidence(r);
  const entries = new Map<string, SkillEntry & { order: number }>();
  for (const [name, e] of evidence) {
    entries.set(name, { name, confidence: round2(resumeConfidence(e) * Math.min(1, textConfidence + 0.2)), source: 'resume', order: e.first });
  }
  let order = 1e7;
  for (const s of Array.isArray(input.extractedSkills) ? input.extractedSkills : []) {
    if (!s || typeof s.name !== 'string' || !s.name.trim()) continue;
    const c = clamp(Number(s.confidence), 0, 1);
    const { name } = canonicalSkill(s.name);
    const existing = entries.get(name);
    if (existing) existing.confidence = round2(Math.min(0.99, 1 - (1 - existing.confidence) * (1 - c)));
    else entries.set(name, { name, confidence: round2(c), source: 'input', order: order++ });
  }
  for (const name of [...entries.keys()]) {
    for (const implied of impliedSkills(name)) {
      if (!entries.has(implied)) entries.set(implied, { name: implied, confidence: 0.4, source: 'inferred', order: order++ });
    }
  }
  const threshold = clamp(Number.isFinite(input.confidenceThreshold) ? input.confidenceThreshold : 0.7, 0, 1);
  // Buckets: high = confidence ≥ threshold; medium = within 0.25 below the threshold; low = further below.
  const mediumFloor = Math.max(0, threshold - 0.25);
  const sorted = [...entries.values()].sort((a, b) => b.confidence - a.confidence || a.order - b.order);
  const strip = (e: SkillEntry & { order: number }): SkillEntry => ({ name: e.name, confidence: e.confidence, source: e.source });
  const high = sorted.filter((e) => e.confidence >= threshold).map(strip);
  const medium = sorted.filter((e) => e.confidence < threshold && e.confidence >= mediumFloor).map(strip);
  const low = sorted.filter((e) => e.confidence < mediumFloor).map(strip);
  const seniority = assessSeniority(r.experiences, input.asOf, textConfidence);
  return { experiences, skills: { all: sorted.map((e) => e.name), high, medium, low }, seniority };
}
