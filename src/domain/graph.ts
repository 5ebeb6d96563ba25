/**
 * The stage graph of the contract:
 *
 *   ANALYSIS ──> RESEARCH ──> DRAFT ──> STAR ──> POLISH
 *       └──────> SUGGEST ──> CRITIQUE
 */
export const STAGES = ['ANALYSIS', 'RESEARCH', 'DRAFT', 'STAR', 'POLISH', 'SUGGEST', 'CRITIQUE'] as const;
export type Stage = (typeof STAGES)[number];

export const DEPENDS_ON: Readonly<Record<Stage, readonly Stage[]>> = {
  ANALYSIS: [],
  RESEARCH: ['ANALYSIS'],
  DRAFT: ['RESEARCH'],
  STAR: ['DRAFT'],
  POLISH: ['STAR'],
  SUGGEST: ['ANALYSIS'],
  CRITIQUE: ['SUGGEST'],
};

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
};
