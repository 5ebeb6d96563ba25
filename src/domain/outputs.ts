/**
 * What each stage produces, as zod schemas. The same schema is sent on the wire as the
 * model's structured-output rule (see the contract) and validates the reply, so every
 * field is required and nullable values are explicit (OpenAI strict mode allows no optionals).
 */
import { z } from 'zod';
import type { CoverLetter } from './cover-letter.js';
import type { ResumeChange } from './changes.js';
import type { ResumeDocument } from './document.js';

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

/**
 * The wire answers of the writing stages: what a model proposes. Every field is described, and the
 * description reaches the JSON Schema sent on the wire. A model names document lines by their
 * `target`; it never writes an employer, title, date, degree or the section list.
 */
const target = (what: string) => z.string().describe(`The target of ${what}, exactly as listed in <resume_lines> (e.g. "experience[1].bullets[0]").`);

export const KeyMetric = z.object({
  target: target('the line the metric comes from'),
  metric: z.string().describe('The metric exactly as that line states it (e.g. "40% lower p99 latency"); never a number the line does not state.'),
});

export const ResearchAnswer = z.object({
  industryIntel: z.string().describe('What this employer and its field value now, in 2-4 sentences; no claims about the candidate.'),
  tailoringStrategy: z.string().describe('Which evidenced strengths to lead with for this job ad and how to treat its gaps honestly, in 2-4 sentences.'),
  keyMetrics: z.array(KeyMetric).describe('The strongest numbers of the resume for this job ad, each citing its line.'),
  evidencedKeywords: z.array(z.string()).describe('Job-ad keywords that some resume line evidences; none that no line supports.'),
  sources: z.array(z.string()).describe('URLs of the web pages consulted for industryIntel; empty when none were.'),
});

export const DraftAnswer = z.object({
  summary: z.string().describe('The resume summary: 2-3 sentences in the implied first person (no "I", "my", "we"), only facts the resume lines state.'),
  narrative: z.string().describe("The candidate's career story for this job ad, in 3-5 sentences, strictly within the resume's facts."),
  storyArc: z.array(z.string()).describe('The beats of the narrative in order, one short line each.'),
});

export const StarRewrite = z.object({
  target: target('the bullet rewritten'),
  situation: z.string().nullable().describe('The situation the line states, or null when it states none.'),
  task: z.string().nullable().describe('The task the line states, or null when it states none.'),
  action: z.string().describe('What the candidate did, as the line says it.'),
  result: z.string().nullable().describe('The outcome the line states, or null when it states none: never an invented outcome.'),
  text: z.string().describe('The rewritten bullet: one line, past tense for past roles, no first person, every number of the line kept, none added.'),
});

export const StarAnswer = z.object({
  bullets: z.array(StarRewrite).describe('One entry per bullet rewritten; a bullet left out stays as written.'),
});

export const BulletOrder = z.object({
  role: z.string().describe('The role, as "experience[N]".'),
  order: z.array(z.string()).describe("Every bullet target of that role (\"experience[N].bullets[M]\"), each once, most relevant to the job ad first."),
});

export const LineEdit = z.object({
  target: target('the line'),
  text: z.string().describe('The whole new text of the line.'),
});

export const KeywordEdit = z.object({
  target: target('the line that evidences the keyword'),
  keyword: z.string().describe('The job-ad keyword worked in.'),
  text: z.string().describe('The whole new text of the line with the keyword worked in; nothing else added.'),
});

export const PolishAnswer = z.object({
  bulletOrder: z.array(BulletOrder).describe('New orders of bullets within roles; roles left out keep their order.'),
  skillLines: z.array(LineEdit).describe('Skill lines ("skills[N]") with their items reordered, most relevant first; no item added.'),
  keywordEdits: z.array(KeywordEdit).describe('Job-ad keywords worked into lines that evidence them; at most one per line, never stuffed.'),
  editorialNotes: z.array(z.string()).describe('What you changed and why, and each gap the resume cannot honestly cover.'),
});

/** RESEARCH's output: the document is the master profile, built in code, with the model's intel around it. */
export interface Dossier {
  /** The document rendered as markdown: what a reader sees of it. */
  masterProfile: string;
  industryIntel: string;
  tailoringStrategy: string;
  /** `metric — line (target)`, each citing a line that states it. */
  keyMetrics: string[];
  evidencedKeywords: string[];
  /** Web pages the model consulted (an `:online` model); empty otherwise. */
  sources: string[];
  document: ResumeDocument;
}

export interface CreativeDraft {
  narrative: string;
  storyArc: string[];
  /** DRAFT's proposal for the summary, audited. */
  changes: ResumeChange[];
}

export interface StarBullet {
  /** The experience this bullet belongs to (`Title — Company`), or null for one outside any role. */
  role: string | null;
  target: string | null;
  situation: string | null;
  task: string | null;
  action: string;
  result: string | null;
  text: string;
}

export interface StarDraft {
  /** The document with the changes applied so far: what POLISH sees instead of the raw resume. */
  draftMarkdown: string;
  bullets: StarBullet[];
  /** DRAFT's and STAR's changes, audited. */
  changes: ResumeChange[];
  document: ResumeDocument;
}

export const ProvenanceEntry = z.object({
  claim: z.string(),
  source: z.string().nullable(),
  synthetic: z.boolean(),
});

export interface PolishedResume {
  /** Rendered from the document and the APPLIED changes. */
  finalResumeMarkdown: string;
  editorialNotes: string[];
  provenance: ProvenanceEntry[];
  /** Every change of DRAFT, STAR and POLISH, APPLIED or HELD. */
  changes: ResumeChange[];
  document: ResumeDocument;
}

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
export type ProvenanceEntry = z.infer<typeof ProvenanceEntry>;
export type KeyMetric = z.infer<typeof KeyMetric>;
export type ResearchAnswer = z.infer<typeof ResearchAnswer>;
export type DraftAnswer = z.infer<typeof DraftAnswer>;
export type StarRewrite = z.infer<typeof StarRewrite>;
export type StarAnswer = z.infer<typeof StarAnswer>;
export type PolishAnswer = z.infer<typeof PolishAnswer>;
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

/**
 * The writing stages' former wire shapes, no longer sent by any stage. The gateway's own tests and
 * benchmark (issue 13's lane) use them as ordinary structured-output schemas; they can move to the
 * `*Answer` schemas above and these can then go.
 */
export const Dossier = z.object({ masterProfile: z.string(), industryIntel: z.string(), tailoringStrategy: z.string(), keyMetrics: z.array(z.string()) });
export const CreativeDraft = z.object({ narrative: z.string(), storyArc: z.array(z.string()) });
const LegacyStarBullet = z.object({ role: z.string().nullable(), situation: z.string(), task: z.string(), action: z.string(), result: z.string(), text: z.string() });
export const StarDraft = z.object({ draftMarkdown: z.string(), bullets: z.array(LegacyStarBullet) });
export const PolishedResume = z.object({ finalResumeMarkdown: z.string(), editorialNotes: z.array(z.string()), provenance: z.array(ProvenanceEntry) });
