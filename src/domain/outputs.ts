/**
 * What each stage produces, as zod schemas. The same schema is sent on the wire as the
 * model's structured-output rule (see the contract) and validates the reply, so every
 * field is required and nullable values are explicit (OpenAI strict mode allows no optionals).
 */
import { z } from 'zod';
import type { CoverLetter } from './cover-letter.js';

export const SENIORITY_LEVELS = ['JUNIOR', 'MID', 'SENIOR', 'LEAD', 'PRINCIPAL'] as const;
export const SUGGESTION_KINDS = ['PROJECT', 'CERTIFICATION', 'EXPERIENCE', 'SKILL', 'WORDING'] as const;
export const SKILL_SOURCES = ['resume', 'input', 'inferred'] as const;

export const Experience = z.object({
  title: z.string(),
  company: z.string(),
  /** `YYYY-MM` or `YYYY`, as precise as the resume is; null when the resume gives none. */
  startDate: z.string().nullable(),
  /** `YYYY-MM`, `YYYY` or `Present`; null when the resume gives none. */
  endDate: z.string().nullable(),
  highlights: z.array(z.string()),
  skills: z.array(z.string()),
});

export const SkillEntry = z.object({
  name: z.string(),
  confidence: z.number().min(0).max(1),
  source: z.enum(SKILL_SOURCES),
});

export const SkillInventory = z.object({
  all: z.array(z.string()),
  high: z.array(SkillEntry),
  medium: z.array(SkillEntry),
  low: z.array(SkillEntry),
});

export const Seniority = z.object({
  level: z.enum(SENIORITY_LEVELS),
  confidence: z.number().min(0).max(1),
  yearsOfExperience: z.number().min(0),
  reasoning: z.string(),
});

/** The resume-only half of ANALYSIS (wire name `analysis`): depends on the resume and extracted skills alone. */
export const ResumeProfile = z.object({
  experiences: z.array(Experience),
  skills: SkillInventory,
  seniority: Seniority,
});

export const DomainInsights = z.object({
  domain: z.string(),
  skillGapPriority: z.array(z.string()),
  emergingTrends: z.array(z.string()),
});

export const GapAnalysis = z.object({
  summary: z.string(),
  matchScore: z.number().int().min(0).max(100),
  matchedKeywords: z.array(z.string()),
  missingKeywords: z.array(z.string()),
  criticalGaps: z.array(z.string()),
  niceToHaveGaps: z.array(z.string()),
});

/** The job-ad half of ANALYSIS (wire name `analysis_gap`). */
export const JobFit = z.object({
  domainInsights: DomainInsights,
  gapAnalysis: GapAnalysis,
});

export const Analysis = ResumeProfile.extend(JobFit.shape);

export const Dossier = z.object({
  /** The candidate's whole profile: every employer, title, date, section and fact later stages may use. */
  masterProfile: z.string(),
  industryIntel: z.string(),
  tailoringStrategy: z.string(),
  keyMetrics: z.array(z.string()),
});

export const CreativeDraft = z.object({
  narrative: z.string(),
  storyArc: z.array(z.string()),
});

export const StarBullet = z.object({
  /** The experience this bullet belongs to (`Title — Company`), or null for one outside any role. */
  role: z.string().nullable(),
  situation: z.string(),
  task: z.string(),
  action: z.string(),
  result: z.string(),
  text: z.string(),
});

export const StarDraft = z.object({
  /** The whole resume rewritten with STAR bullets: what POLISH sees instead of the raw resume. */
  draftMarkdown: z.string(),
  bullets: z.array(StarBullet),
});

export const ProvenanceEntry = z.object({
  claim: z.string(),
  source: z.string().nullable(),
  synthetic: z.boolean(),
});

export const PolishedResume = z.object({
  finalResumeMarkdown: z.string(),
  editorialNotes: z.array(z.string()),
  provenance: z.array(ProvenanceEntry),
});

export const Suggestion = z.object({
  kind: z.enum(SUGGESTION_KINDS),
  title: z.string(),
  detail: z.string(),
  addressesGaps: z.array(z.string()),
  /** 1 is the most important. */
  priority: z.number().int().min(1),
});

export const Suggestions = z.object({ suggestions: z.array(Suggestion) });

export type Experience = z.infer<typeof Experience>;
export type SkillEntry = z.infer<typeof SkillEntry>;
export type SkillInventory = z.infer<typeof SkillInventory>;
export type Seniority = z.infer<typeof Seniority>;
export type ResumeProfile = z.infer<typeof ResumeProfile>;
export type DomainInsights = z.infer<typeof DomainInsights>;
export type GapAnalysis = z.infer<typeof GapAnalysis>;
export type JobFit = z.infer<typeof JobFit>;
export type Analysis = z.infer<typeof Analysis>;
export type Dossier = z.infer<typeof Dossier>;
export type CreativeDraft = z.infer<typeof CreativeDraft>;
export type StarBullet = z.infer<typeof StarBullet>;
export type StarDraft = z.infer<typeof StarDraft>;
export type ProvenanceEntry = z.infer<typeof ProvenanceEntry>;
export type PolishedResume = z.infer<typeof PolishedResume>;
export type Suggestion = z.infer<typeof Suggestion>;
export type Suggestions = z.infer<typeof Suggestions>;

/** What each stage leaves in the record once done. */
export interface StageOutputs {
  ANALYSIS: Analysis;
  RESEARCH: Dossier;
  DRAFT: CreativeDraft;
  STAR: StarDraft;
  POLISH: PolishedResume;
  SUGGEST: Suggestions;
  CRITIQUE: Suggestions;
  COVER_LETTER: CoverLetter;
}
