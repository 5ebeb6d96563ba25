export const CREATIVITY_LEVELS = ['CONSERVATIVE', 'BALANCED', 'BOLD'] as const;
export type Creativity = (typeof CREATIVITY_LEVELS)[number];

export interface ExtractedSkill {
  name: string;
  confidence: number;
}

/** A validated enhancement request, as the pipeline sees it. */
export interface PipelineInput {
  resumeText: string;
  jobAd: string;
  extractedSkills: ExtractedSkill[];
  domainInsights: Record<string, unknown> | null;
  confidenceThreshold: number;
  creativity: Creativity;
  /** The day the enhancement was accepted (`YYYY-MM-DD`): "Present" in a resume means this day, so results never drift. */
  asOf: string;
  /** Ask the models afresh instead of reusing cached stage answers (fresh answers are still cached). */
  bypassCache: boolean;
}
