/**
 * The local engine's own view of its inputs and outputs. The writing tasks answer with the
 * domain's wire answers (it proposes changes like any model); the `local` provider in the gateway
 * checks at compile time that every shape fits the pipeline's output schemas.
 */
import type { ResumeDocument } from '../domain/document.js';
import type {
  CreativeDraft as DomainCreativeDraft,
  Dossier as DomainDossier,
  DraftAnswer,
  PolishAnswer,
  ResearchAnswer,
  StarAnswer,
  StarDraft as DomainStarDraft,
} from '../domain/outputs.js';
export type { TailoringVerdict, TruthFinding, TruthFindingKind } from '../domain/changes.js';
export type { DraftAnswer, PolishAnswer, ResearchAnswer, StarAnswer };
export type Dossier = DomainDossier;
export type CreativeDraft = DomainCreativeDraft;
export type StarDraft = DomainStarDraft;
export type SeniorityLevel = 'JUNIOR' | 'MID' | 'SENIOR' | 'LEAD' | 'PRINCIPAL';
export type SuggestionKind = 'PROJECT' | 'CERTIFICATION' | 'EXPERIENCE' | 'SKILL' | 'WORDING';
export type SkillSource = 'resume' | 'input' | 'inferred';
export type Creativity = 'CONSERVATIVE' | 'BALANCED' | 'BOLD';

export interface ExtractedSkill { name: string; confidence: number }

export interface Experience {
  title: string;
  company: string;
  startDate: string | null; // YYYY-MM or YYYY
  endDate: string | null; // YYYY-MM, YYYY or Present
  highlights: string[];
  skills: string[];
}
export interface SkillEntry { name: string; confidence: number; source: SkillSource }
export interface SkillInventory { all: string[]; high: SkillEntry[]; medium: SkillEntry[]; low: SkillEntry[] }
export interface Seniority { level: SeniorityLevel; confidence: number; yearsOfExperience: number; reasoning: string }
export interface ResumeProfile { experiences: Experience[]; skills: SkillInventory; seniority: Seniority }
export interface DomainInsights { domain: string; skillGapPriority: string[]; emergingTrends: string[] }
export interface GapAnalysis {
  summary: string;
  matchScore: number; // integer 0..100
  matchedKeywords: string[];
  missingKeywords: string[];
  criticalGaps: string[];
  niceToHaveGaps: string[];
}
export interface JobFit { domainInsights: DomainInsights; gapAnalysis: GapAnalysis }
export type Analysis = ResumeProfile & JobFit;
export interface Suggestion { kind: SuggestionKind; title: string; detail: string; addressesGaps: string[]; priority: number }
export interface Suggestions { suggestions: Suggestion[] }
export interface CoverLetterDraft { salutation: string; paragraphs: string[]; closing: string }

/** What each local task receives: exactly what its stage (or stage part) may see. */
export interface LocalTasks {
  analysis: { in: { resumeText: string; extractedSkills: ExtractedSkill[]; confidenceThreshold: number; asOf: string }; out: ResumeProfile };
  analysis_gap: { in: { resumeText: string; jobAd: string; profile: ResumeProfile; domainInsights: Record<string, unknown> | null }; out: JobFit };
  research: { in: { document: ResumeDocument; jobAd: string; analysis: Analysis; asOf: string }; out: ResearchAnswer };
  draft: { in: { jobAd: string; dossier: Dossier; creativity: Creativity }; out: DraftAnswer };
  star: { in: { creativeDraft: CreativeDraft; dossier: Dossier }; out: StarAnswer };
  polish: { in: { star: StarDraft; jobAd: string }; out: PolishAnswer };
  suggest: { in: { analysis: Analysis; jobAd: string }; out: Suggestions };
  critique: { in: { suggestions: Suggestion[]; jobAd: string }; out: Suggestions };
  cover_letter: { in: { jobAd: string; dossier: Dossier }; out: CoverLetterDraft };
}
export type LocalTaskName = keyof LocalTasks;
