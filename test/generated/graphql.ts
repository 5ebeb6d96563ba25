/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { TypedDocumentNode as DocumentNode } from '@graphql-typed-document-node/core';
/** A model's circuit breaker: CLOSED lets calls through, OPEN skips the model, HALF_OPEN lets one probe through. */
export type CircuitState =
  | 'CLOSED'
  | 'HALF_OPEN'
  | 'OPEN';

/** How freely the drafter may reframe the facts. */
export type Creativity =
  | 'BALANCED'
  | 'BOLD'
  | 'CONSERVATIVE';

export type EnhancementInput = {
  /** Ask the models afresh instead of reusing cached stage answers. Default false. */
  bypassCache?: boolean | null | undefined;
  /** Skills at or above it are high confidence. 0..1, default 0.7. */
  confidenceThreshold?: number | null | undefined;
  /** Default BALANCED. */
  creativity?: Creativity | null | undefined;
  /** Insights from an upstream domain service. */
  domainInsights?: Record<string, unknown> | null | undefined;
  extractedSkills?: Array<ExtractedSkillInput> | null | undefined;
  /** The same tenant and key within 24 hours returns the first enhancement. */
  idempotencyKey?: string | null | undefined;
  /** The job ad the resume is tailored to. */
  jobAd: string;
  /** The resume's text (plain or markdown). */
  resumeText: string;
  /** Default: all. Each runs with every stage it depends on. */
  stages?: Array<PipelineStage> | null | undefined;
};

/** Where an enhancement stands. */
export type EnhancementStatus =
  | 'CANCELLED'
  | 'COMPLETED'
  | 'FAILED'
  | 'QUEUED'
  | 'RUNNING';

/** What an enhancement event announces. */
export type EventType =
  | 'CANCELLED'
  | 'COMPLETED'
  | 'FAILED'
  | 'QUEUED'
  | 'STAGE_COMPLETED'
  | 'STAGE_FAILED'
  | 'STAGE_RETRY'
  | 'STAGE_STARTED';

/** A skill found by an upstream classifier. */
export type ExtractedSkillInput = {
  /** 0..1. */
  confidence: number;
  name: string;
};

/** A stage of the enhancement pipeline. */
export type PipelineStage =
  | 'ANALYSIS'
  | 'CRITIQUE'
  | 'DRAFT'
  | 'POLISH'
  | 'RESEARCH'
  | 'STAR'
  | 'SUGGEST';

/** The candidate's seniority. */
export type SeniorityLevel =
  | 'JUNIOR'
  | 'LEAD'
  | 'MID'
  | 'PRINCIPAL'
  | 'SENIOR';

/** Where a skill was found: the resume, the extractedSkills input, or inferred from related evidence. */
export type SkillSource =
  | 'INFERRED'
  | 'INPUT'
  | 'RESUME';

/** Where one stage of an enhancement stands. */
export type StageStatus =
  | 'CANCELLED'
  | 'COMPLETED'
  | 'FAILED'
  | 'PENDING'
  | 'RUNNING'
  | 'SKIPPED';

/** What a suggestion proposes. */
export type SuggestionKind =
  | 'CERTIFICATION'
  | 'EXPERIENCE'
  | 'PROJECT'
  | 'SKILL'
  | 'WORDING';

/** What a tailored resume claims that its original does not support. */
export type TruthFindingKind =
  | 'CHANGED_DATE'
  | 'CHANGED_NAME'
  | 'DROPPED_SECTION'
  | 'INFLATED_NUMBER'
  | 'INVENTED_CERTIFICATION'
  | 'INVENTED_DEGREE'
  | 'INVENTED_EMPLOYER'
  | 'INVENTED_TITLE';

export type StartEnhancementMutationVariables = Exact<{
  input: EnhancementInput;
}>;


export type StartEnhancementMutation = { startEnhancement: { id: string, status: EnhancementStatus, requestedStages: Array<PipelineStage>, createdAt: string } };

export type EnhancementProgressSubscriptionVariables = Exact<{
  id: string | number;
  after?: string | null | undefined;
}>;


export type EnhancementProgressSubscription = { enhancementProgress: { cursor: string, type: EventType, stage: PipelineStage | null, progress: number, message: string, at: string, enhancement: { id: string, status: EnhancementStatus } } };

export type EnhancementResultQueryVariables = Exact<{
  id: string | number;
}>;


export type EnhancementResultQuery = { enhancement: { id: string, status: EnhancementStatus, requestedStages: Array<PipelineStage>, createdAt: string, completedAt: string | null, finalResumeMarkdown: string | null, editorialNotes: Array<string> | null, error: { code: string, message: string, stage: PipelineStage | null } | null, stages: Array<{ stage: PipelineStage, status: StageStatus, attempts: number, cached: boolean, provider: string | null, model: string | null, durationMs: number | null, costUsd: number, promptTokens: number, completionTokens: number, error: string | null }>, experiences: Array<{ title: string, company: string, startDate: string | null, endDate: string | null, highlights: Array<string>, skills: Array<string> }> | null, skills: { all: Array<string>, high: Array<{ name: string, confidence: number, source: SkillSource }>, medium: Array<{ name: string, confidence: number, source: SkillSource }>, low: Array<{ name: string, confidence: number, source: SkillSource }> } | null, seniority: { level: SeniorityLevel, confidence: number, yearsOfExperience: number, reasoning: string } | null, domainInsights: { domain: string, skillGapPriority: Array<string>, emergingTrends: Array<string> } | null, gapAnalysis: { summary: string, matchScore: number, matchedKeywords: Array<string>, missingKeywords: Array<string>, criticalGaps: Array<string>, niceToHaveGaps: Array<string> } | null, suggestions: Array<{ kind: SuggestionKind, title: string, detail: string, addressesGaps: Array<string>, priority: number }> | null, dossier: { masterProfile: string, industryIntel: string, tailoringStrategy: string, keyMetrics: Array<string> } | null, creativeDraft: { narrative: string, storyArc: Array<string> } | null, starBullets: Array<{ situation: string, task: string, action: string, result: string, text: string }> | null, provenance: Array<{ claim: string, source: string | null, synthetic: boolean }> | null, usage: { llmCalls: number, cacheHits: number, promptTokens: number, completionTokens: number, totalTokens: number, costUsd: number, savedCostUsd: number, durationMs: number } } };

export type CancelEnhancementMutationVariables = Exact<{
  id: string | number;
}>;


export type CancelEnhancementMutation = { cancelEnhancement: { id: string, status: EnhancementStatus } };

export type MyEnhancementsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type MyEnhancementsQuery = { enhancements: { edges: Array<{ cursor: string, node: { id: string, status: EnhancementStatus, createdAt: string } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type ModelsQueryVariables = Exact<{ [key: string]: never; }>;


export type ModelsQuery = { models: Array<{ id: string, provider: string, stages: Array<PipelineStage>, healthy: boolean, circuit: CircuitState, successRate: number | null, p50LatencyMs: number | null, inputPricePerMTok: number | null, outputPricePerMTok: number | null }> };

export type PartnerGapAnalysisMutationVariables = Exact<{
  input: EnhancementInput;
}>;


export type PartnerGapAnalysisMutation = { runEnhancement: { id: string, status: EnhancementStatus, requestedStages: Array<PipelineStage>, gapAnalysis: { matchScore: number, matchedKeywords: Array<string>, missingKeywords: Array<string>, summary: string } | null, usage: { llmCalls: number, costUsd: number } } };

export type VerifyTailoringQueryVariables = Exact<{
  original: string;
  tailored: string;
  jobAd?: string | null | undefined;
}>;


export type VerifyTailoringQuery = { verifyTailoring: { faithful: boolean, coveredKeywords: Array<string>, missingKeywords: Array<string>, findings: Array<{ kind: TruthFindingKind, excerpt: string, detail: string }> } };


export const StartEnhancementDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"StartEnhancement"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"EnhancementInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"startEnhancement"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"requestedStages"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}}]} as unknown as DocumentNode<StartEnhancementMutation, StartEnhancementMutationVariables>;
export const EnhancementProgressDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"subscription","name":{"kind":"Name","value":"EnhancementProgress"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enhancementProgress"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"type"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"progress"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"at"}},{"kind":"Field","name":{"kind":"Name","value":"enhancement"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]}}]} as unknown as DocumentNode<EnhancementProgressSubscription, EnhancementProgressSubscriptionVariables>;
export const EnhancementResultDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"EnhancementResult"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enhancement"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"requestedStages"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}},{"kind":"Field","name":{"kind":"Name","value":"completedAt"}},{"kind":"Field","name":{"kind":"Name","value":"error"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"code"}},{"kind":"Field","name":{"kind":"Name","value":"message"}},{"kind":"Field","name":{"kind":"Name","value":"stage"}}]}},{"kind":"Field","name":{"kind":"Name","value":"stages"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"stage"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"attempts"}},{"kind":"Field","name":{"kind":"Name","value":"cached"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"model"}},{"kind":"Field","name":{"kind":"Name","value":"durationMs"}},{"kind":"Field","name":{"kind":"Name","value":"costUsd"}},{"kind":"Field","name":{"kind":"Name","value":"promptTokens"}},{"kind":"Field","name":{"kind":"Name","value":"completionTokens"}},{"kind":"Field","name":{"kind":"Name","value":"error"}}]}},{"kind":"Field","name":{"kind":"Name","value":"experiences"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"company"}},{"kind":"Field","name":{"kind":"Name","value":"startDate"}},{"kind":"Field","name":{"kind":"Name","value":"endDate"}},{"kind":"Field","name":{"kind":"Name","value":"highlights"}},{"kind":"Field","name":{"kind":"Name","value":"skills"}}]}},{"kind":"Field","name":{"kind":"Name","value":"skills"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"all"}},{"kind":"Field","name":{"kind":"Name","value":"high"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"confidence"}},{"kind":"Field","name":{"kind":"Name","value":"source"}}]}},{"kind":"Field","name":{"kind":"Name","value":"medium"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"confidence"}},{"kind":"Field","name":{"kind":"Name","value":"source"}}]}},{"kind":"Field","name":{"kind":"Name","value":"low"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"name"}},{"kind":"Field","name":{"kind":"Name","value":"confidence"}},{"kind":"Field","name":{"kind":"Name","value":"source"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"seniority"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"level"}},{"kind":"Field","name":{"kind":"Name","value":"confidence"}},{"kind":"Field","name":{"kind":"Name","value":"yearsOfExperience"}},{"kind":"Field","name":{"kind":"Name","value":"reasoning"}}]}},{"kind":"Field","name":{"kind":"Name","value":"domainInsights"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"domain"}},{"kind":"Field","name":{"kind":"Name","value":"skillGapPriority"}},{"kind":"Field","name":{"kind":"Name","value":"emergingTrends"}}]}},{"kind":"Field","name":{"kind":"Name","value":"gapAnalysis"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"summary"}},{"kind":"Field","name":{"kind":"Name","value":"matchScore"}},{"kind":"Field","name":{"kind":"Name","value":"matchedKeywords"}},{"kind":"Field","name":{"kind":"Name","value":"missingKeywords"}},{"kind":"Field","name":{"kind":"Name","value":"criticalGaps"}},{"kind":"Field","name":{"kind":"Name","value":"niceToHaveGaps"}}]}},{"kind":"Field","name":{"kind":"Name","value":"suggestions"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"title"}},{"kind":"Field","name":{"kind":"Name","value":"detail"}},{"kind":"Field","name":{"kind":"Name","value":"addressesGaps"}},{"kind":"Field","name":{"kind":"Name","value":"priority"}}]}},{"kind":"Field","name":{"kind":"Name","value":"dossier"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"masterProfile"}},{"kind":"Field","name":{"kind":"Name","value":"industryIntel"}},{"kind":"Field","name":{"kind":"Name","value":"tailoringStrategy"}},{"kind":"Field","name":{"kind":"Name","value":"keyMetrics"}}]}},{"kind":"Field","name":{"kind":"Name","value":"creativeDraft"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"narrative"}},{"kind":"Field","name":{"kind":"Name","value":"storyArc"}}]}},{"kind":"Field","name":{"kind":"Name","value":"starBullets"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"situation"}},{"kind":"Field","name":{"kind":"Name","value":"task"}},{"kind":"Field","name":{"kind":"Name","value":"action"}},{"kind":"Field","name":{"kind":"Name","value":"result"}},{"kind":"Field","name":{"kind":"Name","value":"text"}}]}},{"kind":"Field","name":{"kind":"Name","value":"finalResumeMarkdown"}},{"kind":"Field","name":{"kind":"Name","value":"editorialNotes"}},{"kind":"Field","name":{"kind":"Name","value":"provenance"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"claim"}},{"kind":"Field","name":{"kind":"Name","value":"source"}},{"kind":"Field","name":{"kind":"Name","value":"synthetic"}}]}},{"kind":"Field","name":{"kind":"Name","value":"usage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"llmCalls"}},{"kind":"Field","name":{"kind":"Name","value":"cacheHits"}},{"kind":"Field","name":{"kind":"Name","value":"promptTokens"}},{"kind":"Field","name":{"kind":"Name","value":"completionTokens"}},{"kind":"Field","name":{"kind":"Name","value":"totalTokens"}},{"kind":"Field","name":{"kind":"Name","value":"costUsd"}},{"kind":"Field","name":{"kind":"Name","value":"savedCostUsd"}},{"kind":"Field","name":{"kind":"Name","value":"durationMs"}}]}}]}}]}}]} as unknown as DocumentNode<EnhancementResultQuery, EnhancementResultQueryVariables>;
export const CancelEnhancementDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"CancelEnhancement"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"id"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"ID"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cancelEnhancement"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"id"},"value":{"kind":"Variable","name":{"kind":"Name","value":"id"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}}]}}]}}]} as unknown as DocumentNode<CancelEnhancementMutation, CancelEnhancementMutationVariables>;
export const MyEnhancementsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"MyEnhancements"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"first"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"Int"}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"after"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"enhancements"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"first"},"value":{"kind":"Variable","name":{"kind":"Name","value":"first"}}},{"kind":"Argument","name":{"kind":"Name","value":"after"},"value":{"kind":"Variable","name":{"kind":"Name","value":"after"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"edges"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"cursor"}},{"kind":"Field","name":{"kind":"Name","value":"node"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"createdAt"}}]}}]}},{"kind":"Field","name":{"kind":"Name","value":"pageInfo"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"hasNextPage"}},{"kind":"Field","name":{"kind":"Name","value":"endCursor"}}]}}]}}]}}]} as unknown as DocumentNode<MyEnhancementsQuery, MyEnhancementsQueryVariables>;
export const ModelsDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"Models"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"models"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"provider"}},{"kind":"Field","name":{"kind":"Name","value":"stages"}},{"kind":"Field","name":{"kind":"Name","value":"healthy"}},{"kind":"Field","name":{"kind":"Name","value":"circuit"}},{"kind":"Field","name":{"kind":"Name","value":"successRate"}},{"kind":"Field","name":{"kind":"Name","value":"p50LatencyMs"}},{"kind":"Field","name":{"kind":"Name","value":"inputPricePerMTok"}},{"kind":"Field","name":{"kind":"Name","value":"outputPricePerMTok"}}]}}]}}]} as unknown as DocumentNode<ModelsQuery, ModelsQueryVariables>;
export const PartnerGapAnalysisDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"mutation","name":{"kind":"Name","value":"PartnerGapAnalysis"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"input"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"EnhancementInput"}}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"runEnhancement"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"input"},"value":{"kind":"Variable","name":{"kind":"Name","value":"input"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"id"}},{"kind":"Field","name":{"kind":"Name","value":"status"}},{"kind":"Field","name":{"kind":"Name","value":"requestedStages"}},{"kind":"Field","name":{"kind":"Name","value":"gapAnalysis"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"matchScore"}},{"kind":"Field","name":{"kind":"Name","value":"matchedKeywords"}},{"kind":"Field","name":{"kind":"Name","value":"missingKeywords"}},{"kind":"Field","name":{"kind":"Name","value":"summary"}}]}},{"kind":"Field","name":{"kind":"Name","value":"usage"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"llmCalls"}},{"kind":"Field","name":{"kind":"Name","value":"costUsd"}}]}}]}}]}}]} as unknown as DocumentNode<PartnerGapAnalysisMutation, PartnerGapAnalysisMutationVariables>;
export const VerifyTailoringDocument = {"kind":"Document","definitions":[{"kind":"OperationDefinition","operation":"query","name":{"kind":"Name","value":"VerifyTailoring"},"variableDefinitions":[{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"original"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"tailored"}},"type":{"kind":"NonNullType","type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}},{"kind":"VariableDefinition","variable":{"kind":"Variable","name":{"kind":"Name","value":"jobAd"}},"type":{"kind":"NamedType","name":{"kind":"Name","value":"String"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"verifyTailoring"},"arguments":[{"kind":"Argument","name":{"kind":"Name","value":"original"},"value":{"kind":"Variable","name":{"kind":"Name","value":"original"}}},{"kind":"Argument","name":{"kind":"Name","value":"tailored"},"value":{"kind":"Variable","name":{"kind":"Name","value":"tailored"}}},{"kind":"Argument","name":{"kind":"Name","value":"jobAd"},"value":{"kind":"Variable","name":{"kind":"Name","value":"jobAd"}}}],"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"faithful"}},{"kind":"Field","name":{"kind":"Name","value":"findings"},"selectionSet":{"kind":"SelectionSet","selections":[{"kind":"Field","name":{"kind":"Name","value":"kind"}},{"kind":"Field","name":{"kind":"Name","value":"excerpt"}},{"kind":"Field","name":{"kind":"Name","value":"detail"}}]}},{"kind":"Field","name":{"kind":"Name","value":"coveredKeywords"}},{"kind":"Field","name":{"kind":"Name","value":"missingKeywords"}}]}}]}}]} as unknown as DocumentNode<VerifyTailoringQuery, VerifyTailoringQueryVariables>;