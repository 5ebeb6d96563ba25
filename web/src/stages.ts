import type { PipelineStage } from '../../src/client/graphql/graphql.js';

export const STAGES: ReadonlyArray<{ stage: PipelineStage; name: string; produces: string }> = [
  { stage: 'ANALYSIS', name: 'Analysis', produces: 'experiences, skills, gap analysis' },
  { stage: 'RESEARCH', name: 'Research', produces: 'master dossier' },
  { stage: 'DRAFT', name: 'Draft', produces: 'creative narrative' },
  { stage: 'STAR', name: 'STAR', produces: 'STAR bullets' },
  { stage: 'POLISH', name: 'Polish', produces: 'final resume' },
  { stage: 'SUGGEST', name: 'Suggest', produces: 'suggestions' },
  { stage: 'CRITIQUE', name: 'Critique', produces: 'refined suggestions' },
  { stage: 'COVER_LETTER', name: 'Cover letter', produces: 'a cover letter, checked against the resume' },
];

export function stageName(stage: PipelineStage): string {
  return STAGES.find((s) => s.stage === stage)?.name ?? stage;
}
