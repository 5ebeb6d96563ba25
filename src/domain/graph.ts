/**
 * The stage graph of the contract:
 *
 *   ANALYSIS ──> RESEARCH ──> DRAFT ──> STAR ──> POLISH
 *       │            └──────> COVER_LETTER
 *       └──────> SUGGEST ──> CRITIQUE
 */
export const STAGES = ['ANALYSIS', 'RESEARCH', 'DRAFT', 'STAR', 'POLISH', 'SUGGEST', 'CRITIQUE', 'COVER_LETTER'] as const;
export type Stage = (typeof STAGES)[number];

export const DEPENDS_ON: Readonly<Record<Stage, readonly Stage[]>> = {
  ANALYSIS: [],
  RESEARCH: ['ANALYSIS'],
  DRAFT: ['RESEARCH'],
  STAR: ['DRAFT'],
  POLISH: ['STAR'],
  SUGGEST: ['ANALYSIS'],
  CRITIQUE: ['SUGGEST'],
  COVER_LETTER: ['RESEARCH'],
};

/** What runs when a request names no stages: every stage but COVER_LETTER, which runs only when asked for (by stage or by field). */
export const DEFAULT_STAGES: readonly Stage[] = STAGES.filter((stage) => stage !== 'COVER_LETTER');

export function isStage(value: string): value is Stage {
  return (STAGES as readonly string[]).includes(value);
}

/** The requested stages plus everything they depend on, in graph (topological) order. */
export function closure(requested: Iterable<Stage>): Stage[] {
  const wanted = new Set<Stage>();
  const visit = (stage: Stage): void => {
    if (wanted.has(stage)) return;
    wanted.add(stage);
    for (const dep of DEPENDS_ON[stage]) visit(dep);
  };
  for (const stage of requested) visit(stage);
  return STAGES.filter((stage) => wanted.has(stage));
}

/** Which stage produces each output field of `Enhancement`; used to run only what a selection needs. */
export const FIELD_STAGE: Readonly<Record<string, Stage>> = {
  experiences: 'ANALYSIS',
  skills: 'ANALYSIS',
  seniority: 'ANALYSIS',
  domainInsights: 'ANALYSIS',
  gapAnalysis: 'ANALYSIS',
  dossier: 'RESEARCH',
  creativeDraft: 'DRAFT',
  starBullets: 'STAR',
  finalResumeMarkdown: 'POLISH',
  editorialNotes: 'POLISH',
  provenance: 'POLISH',
  suggestions: 'CRITIQUE',
  coverLetter: 'COVER_LETTER',
};
