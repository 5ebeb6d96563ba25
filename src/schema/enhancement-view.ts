import { STAGES } from '../domain/graph.js';
import type { EnhancementRecord } from '../store/types.js';
import type { Enhancement } from './types/enhancement.js';

/** The GraphQL view of a stored record: outputs so far, stages in graph order, usage summed. */
export function toEnhancement(record: EnhancementRecord, now = Date.now()): Enhancement {
  const { outputs } = record;
  const runs = STAGES.flatMap((stage) => (record.stages[stage] ? [record.stages[stage]!] : []));
  const sum = (pick: (run: (typeof runs)[number]) => number): number => runs.reduce((n, run) => n + pick(run), 0);
  const promptTokens = sum((r) => r.promptTokens);
  const completionTokens = sum((r) => r.completionTokens);
  const end = record.completedAt ? Date.parse(record.completedAt) : now;
  const polish = outputs.POLISH;
  const notes = runs.flatMap((r) => r.notes ?? []);
  return {
    id: record.id,
    status: record.status,
    requestedStages: record.requestedStages,
    createdAt: record.createdAt,
    completedAt: record.completedAt,
    error: record.error,
    stages: runs,
    experiences: outputs.ANALYSIS?.experiences ?? null,
    skills: outputs.ANALYSIS?.skills ?? null,
    seniority: outputs.ANALYSIS?.seniority ?? null,
    domainInsights: outputs.ANALYSIS?.domainInsights ?? null,
    gapAnalysis: outputs.ANALYSIS?.gapAnalysis ?? null,
    suggestions: (outputs.CRITIQUE ?? outputs.SUGGEST)?.suggestions ?? null,
    dossier: outputs.RESEARCH ?? null,
    creativeDraft: outputs.DRAFT ?? null,
    starBullets: outputs.STAR?.bullets ?? null,
    finalResumeMarkdown: polish?.finalResumeMarkdown ?? null,
    // Fallback notes of any stage (a model chain that ended on `local`) belong with the editor's.
    editorialNotes: polish ? [...polish.editorialNotes, ...notes] : null,
    provenance: polish?.provenance ?? null,
    coverLetter: outputs.COVER_LETTER ?? null,
    changes: polish?.changes?.map(({ order: _order, ...change }) => change) ?? null,
    usage: {
      llmCalls: sum((r) => r.llmCalls),
      cacheHits: runs.filter((r) => r.cached).length,
      promptTokens,
      completionTokens,
      totalTokens: promptTokens + completionTokens,
      costUsd: sum((r) => r.costUsd),
      savedCostUsd: sum((r) => r.savedCostUsd),
      durationMs: Math.max(0, Math.round(end - Date.parse(record.createdAt))),
    },
  } as Enhancement;
}
