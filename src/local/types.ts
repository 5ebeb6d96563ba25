/**
 * The local engine's own view of its inputs and outputs. It imports nothing from the rest of
 * the project; the `local` provider in the gateway checks at compile time that these shapes
 * fit the pipeline's output schemas.
 */
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
export interface Dossier { masterProfile: string; industryIntel: string; tailoringStrategy: string; keyMetrics: string[] }
export interface CreativeDraft { narrative: string; storyArc: string[] }
export interface StarBullet { role: string | null; situation: string; task: string; action: string; result: string; text: string }
export interface StarDraft { draftMarkdown: string; bullets: StarBullet[] }
export interface ProvenanceEntry { claim: string; source: string | null; synthetic: boolean }
export interface PolishedResume { finalResumeMarkdown: string; editorialNotes: string[]; provenance: ProvenanceEntry[] }
export interface Suggestion { kind: SuggestionKind; title: string; detail: string; addressesGaps: string[]; priority: number }
export interface Suggestions { suggestions: Suggestion[] }
export interface CoverLetterDraft { salutation: string; paragraphs: string[]; closing: string }

export type TruthFindingKind =
  | 'INVENTED_EMPLOYER' | 'INVENTED_TITLE' | 'CHANGED_DATE' | 'INFLATED_NUMBER'
  | 'INVENTED_DEGREE' | 'INVENTED_CERTIFICATION' | 'DROPPED_SECTION' | 'CHANGED_NAME';
export interface TruthFinding { kind: TruthFindingKind; excerpt: string; detail: string }
export interface TailoringVerdict {
  faithful: boolean; // true exactly when findings is empty
  findings: TruthFinding[];
  coveredKeywords: string[];
  missingKeywords: string[];
}

/** What each local task receives: exactly what its stage (or stage part) may see. */
export interface LocalTasks {
  analysis: { in: { resumeText: string; extractedSkills: ExtractedSkill[]; confidenceThreshold: number; asOf: string }; out: ResumeProfile };
  analysis_gap: { in: { resumeText: string; jobAd: string; profile: ResumeProfile; domainInsights: Record<string, unknown> | null }; out: JobFit };
  research: { in: { resumeText: string; jobAd: string; analysis: Analysis; domainInsights: Record<string, unknown> | null; asOf: string }; out: Dossier };
  draft: { in: { jobAd: string; dossier: Dossier; creativity: Creativity }; out: CreativeDraft };
  star: { in: { creativeDraft: CreativeDraft; dossier: Dossier }; out: StarDraft };
  polish: { in: { star: StarDraft; jobAd: string }; out: PolishedResume };
  suggest: { in: { analysis: Analysis; jobAd: string }; out: Suggestions };
  critique: { in: { suggestions: Suggestion[]; jobAd: string }; out: Suggestions };
  cover_letter: { in: { jobAd: string; dossier: Dossier }; out: CoverLetterDraft };
}
export type LocalTaskName = keyof LocalTasks;
