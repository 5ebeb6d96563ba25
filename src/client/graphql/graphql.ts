/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** APPLIED: in finalResumeMarkdown. HELD: not in it (the audit or a reader held it). */
export type ChangeStatus =
  | 'APPLIED'
  | 'HELD';

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

/** A file sent inline: at most 5 MiB once decoded. */
export type DocumentInput = {
  /** The file's bytes in base64 (a data: URL prefix is accepted). */
  contentBase64: string;
  /** The file's name (shown back only; the type is judged from the content). */
  filename: string;
  /** What the client thinks the file is; informative only. */
  mediaType?: string | null | undefined;
};

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
  | 'CHANGES_REVIEWED'
  | 'COMPLETED'
  | 'FAILED'
  | 'QUEUED'
  | 'STAGE_COMPLETED'
  | 'STAGE_FAILED'
  | 'STAGE_RETRY'
  | 'STAGE_STARTED';

/** A file format to export to: MARKDOWN, PDF (one column, selectable text), DOCX, or JSON_RESUME (jsonresume.org schema; resume only). */
export type ExportFormat =
  | 'DOCX'
  | 'JSON_RESUME'
  | 'MARKDOWN'
  | 'PDF';

/** A skill found by an upstream classifier. */
export type ExtractedSkillInput = {
  /** 0..1. */
  confidence: number;
  name: string;
};

/** How a model is asked for structured output: strict json_schema, json_schema with strict: false, json_object with the schema in the prompt, or the schema in the prompt alone. A model that refuses or ignores a format is stepped down, and the step is remembered for a while. */
export type OutputMode =
  | 'JSON_OBJECT'
  | 'JSON_SCHEMA'
  | 'JSON_SCHEMA_STRICT'
  | 'PROMPT_ONLY';

/** A stage of the enhancement pipeline. */
export type PipelineStage =
  | 'ANALYSIS'
  | 'COVER_LETTER'
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

/** What a tailored resume (or a proposed change) claims that its original does not support. */
export type TruthFindingKind =
  | 'CHANGED_DATE'
  | 'CHANGED_NAME'
  /** A role of the original missing from the tailored text. */
  | 'DROPPED_ROLE'
  | 'DROPPED_SECTION'
  /** A resume line in the first person ("I", "my", "we"), where its source was not. */
  | 'FIRST_PERSON'
  /** A number the source line does not state, one moved to another context, or a spelled-out claim such as "doubled". */
  | 'INFLATED_NUMBER'
  /** More ownership or reach than the source line states: assisted → led, a team size, "company-wide". */
  | 'INFLATED_SCOPE'
  | 'INVENTED_CERTIFICATION'
  | 'INVENTED_DEGREE'
  | 'INVENTED_EMPLOYER'
  /** A skill, tool or technology that neither the resume nor an extractedSkills entry at or above the threshold supports. */
  | 'INVENTED_SKILL'
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


export type EnhancementResultQuery = { enhancement: { id: string, status: EnhancementStatus, requestedStages: Array<PipelineStage>, createdAt: string, completedAt: string | null, finalResumeMarkdown: string | null, editorialNotes: Array<string> | null, error: { code: string, message: string, stage: PipelineStage | null } | null, stages: Array<{ stage: PipelineStage, status: StageStatus, attempts: number, cached: boolean, provider: string | null, model: string | null, durationMs: number | null, costUsd: number, promptTokens: number, completionTokens: number, error: string | null }>, experiences: Array<{ title: string, company: string, startDate: string | null, endDate: string | null, highlights: Array<string>, skills: Array<string> }> | null, skills: { all: Array<string>, high: Array<{ name: string, confidence: number, source: SkillSource }>, medium: Array<{ name: string, confidence: number, source: SkillSource }>, low: Array<{ name: string, confidence: number, source: SkillSource }> } | null, seniority: { level: SeniorityLevel, confidence: number, yearsOfExperience: number, reasoning: string } | null, domainInsights: { domain: string, skillGapPriority: Array<string>, emergingTrends: Array<string> } | null, gapAnalysis: { summary: string, matchScore: number, matchedKeywords: Array<string>, missingKeywords: Array<string>, criticalGaps: Array<string>, niceToHaveGaps: Array<string> } | null, suggestions: Array<{ kind: SuggestionKind, title: string, detail: string, addressesGaps: Array<string>, priority: number }> | null, dossier: { masterProfile: string, industryIntel: string, tailoringStrategy: string, keyMetrics: Array<string> } | null, creativeDraft: { narrative: string, storyArc: Array<string> } | null, starBullets: Array<{ situation: string | null, task: string | null, action: string, result: string | null, text: string }> | null, provenance: Array<{ claim: string, source: string | null, synthetic: boolean }> | null, usage: { llmCalls: number, cacheHits: number, promptTokens: number, completionTokens: number, totalTokens: number, costUsd: number, savedCostUsd: number, durationMs: number } } };

export type CancelEnhancementMutationVariables = Exact<{
  id: string | number;
}>;


export type CancelEnhancementMutation = { cancelEnhancement: { id: string, status: EnhancementStatus } };

export type MyEnhancementsQueryVariables = Exact<{
  first?: number | null | undefined;
  after?: string | null | undefined;
}>;


export type MyEnhancementsQuery = { enhancements: { edges: Array<{ cursor: string, node: { id: string, status: EnhancementStatus, createdAt: string } }>, pageInfo: { hasNextPage: boolean, endCursor: string | null } } };

export type PartnerGapAnalysisMutationVariables = Exact<{
  input: EnhancementInput;
}>;


export type PartnerGapAnalysisMutation = { runEnhancement: { id: string, status: EnhancementStatus, requestedStages: Array<PipelineStage>, gapAnalysis: { matchScore: number, matchedKeywords: Array<string>, missingKeywords: Array<string>, summary: string } | null, usage: { llmCalls: number, costUsd: number } } };

export type ModelsQueryVariables = Exact<{ [key: string]: never; }>;


export type ModelsQuery = { models: Array<{ id: string, provider: string, stages: Array<PipelineStage>, healthy: boolean, circuit: CircuitState, successRate: number | null, p50LatencyMs: number | null, inputPricePerMTok: number | null, outputPricePerMTok: number | null, outputMode: OutputMode | null }> };

export type VerifyTailoringQueryVariables = Exact<{
  original: string;
  tailored: string;
  jobAd?: string | null | undefined;
}>;


export type VerifyTailoringQuery = { verifyTailoring: { faithful: boolean, coveredKeywords: Array<string>, missingKeywords: Array<string>, findings: Array<{ kind: TruthFindingKind, excerpt: string, detail: string }> } };

export type EnhancementChangesQueryVariables = Exact<{
  id: string | number;
}>;


export type EnhancementChangesQuery = { enhancement: { id: string, status: EnhancementStatus, finalResumeMarkdown: string | null, changes: Array<{ id: string, stage: PipelineStage, target: string, before: string | null, after: string, status: ChangeStatus, reviewed: boolean, findings: Array<{ kind: TruthFindingKind, excerpt: string, detail: string }> }> | null } };

export type ReviewChangesMutationVariables = Exact<{
  id: string | number;
  apply?: Array<string | number> | string | number | null | undefined;
  hold?: Array<string | number> | string | number | null | undefined;
}>;


export type ReviewChangesMutation = { reviewChanges: { id: string, finalResumeMarkdown: string | null, changes: Array<{ id: string, status: ChangeStatus, reviewed: boolean }> | null } };

export type ImportResumeMutationVariables = Exact<{
  file: DocumentInput;
}>;


export type ImportResumeMutation = { importResume: { text: string, mediaType: string, pages: number | null, characters: number, warnings: Array<string> } };

export type ExportResumeQueryVariables = Exact<{
  id: string | number;
  format: ExportFormat;
}>;


export type ExportResumeQuery = { exportResume: { filename: string, mediaType: string, byteLength: number, contentBase64: string } };

export type CoverLetterQueryVariables = Exact<{
  id: string | number;
}>;


export type CoverLetterQuery = { enhancement: { id: string, status: EnhancementStatus, coverLetter: { markdown: string, findings: Array<{ kind: TruthFindingKind, excerpt: string, detail: string }> } | null } };

export type ExportCoverLetterQueryVariables = Exact<{
  id: string | number;
  format: ExportFormat;
}>;


export type ExportCoverLetterQuery = { exportCoverLetter: { filename: string, mediaType: string, byteLength: number, contentBase64: string } };

export type StagePreviewSubscriptionVariables = Exact<{
  id: string | number;
}>;


export type StagePreviewSubscription = { enhancementPreview: { stage: PipelineStage, text: string, at: string } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const StartEnhancementDocument = new TypedDocumentString(`
    mutation StartEnhancement($input: EnhancementInput!) {
  startEnhancement(input: $input) {
    id
    status
    requestedStages
    createdAt
  }
}
    `) as unknown as TypedDocumentString<StartEnhancementMutation, StartEnhancementMutationVariables>;
export const EnhancementProgressDocument = new TypedDocumentString(`
    subscription EnhancementProgress($id: ID!, $after: String) {
  enhancementProgress(id: $id, after: $after) {
    cursor
    type
    stage
    progress
    message
    at
    enhancement {
      id
      status
    }
  }
}
    `) as unknown as TypedDocumentString<EnhancementProgressSubscription, EnhancementProgressSubscriptionVariables>;
export const EnhancementResultDocument = new TypedDocumentString(`
    query EnhancementResult($id: ID!) {
  enhancement(id: $id) {
    id
    status
    requestedStages
    createdAt
    completedAt
    error {
      code
      message
      stage
    }
    stages {
      stage
      status
      attempts
      cached
      provider
      model
      durationMs
      costUsd
      promptTokens
      completionTokens
      error
    }
    experiences {
      title
      company
      startDate
      endDate
      highlights
      skills
    }
    skills {
      all
      high {
        name
        confidence
        source
      }
      medium {
        name
        confidence
        source
      }
      low {
        name
        confidence
        source
      }
    }
    seniority {
      level
      confidence
      yearsOfExperience
      reasoning
    }
    domainInsights {
      domain
      skillGapPriority
      emergingTrends
    }
    gapAnalysis {
      summary
      matchScore
      matchedKeywords
      missingKeywords
      criticalGaps
      niceToHaveGaps
    }
    suggestions {
      kind
      title
      detail
      addressesGaps
      priority
    }
    dossier {
      masterProfile
      industryIntel
      tailoringStrategy
      keyMetrics
    }
    creativeDraft {
      narrative
      storyArc
    }
    starBullets {
      situation
      task
      action
      result
      text
    }
    finalResumeMarkdown
    editorialNotes
    provenance {
      claim
      source
      synthetic
    }
    usage {
      llmCalls
      cacheHits
      promptTokens
      completionTokens
      totalTokens
      costUsd
      savedCostUsd
      durationMs
    }
  }
}
    `) as unknown as TypedDocumentString<EnhancementResultQuery, EnhancementResultQueryVariables>;
export const CancelEnhancementDocument = new TypedDocumentString(`
    mutation CancelEnhancement($id: ID!) {
  cancelEnhancement(id: $id) {
    id
    status
  }
}
    `) as unknown as TypedDocumentString<CancelEnhancementMutation, CancelEnhancementMutationVariables>;
export const MyEnhancementsDocument = new TypedDocumentString(`
    query MyEnhancements($first: Int, $after: String) {
  enhancements(first: $first, after: $after) {
    edges {
      cursor
      node {
        id
        status
        createdAt
      }
    }
    pageInfo {
      hasNextPage
      endCursor
    }
  }
}
    `) as unknown as TypedDocumentString<MyEnhancementsQuery, MyEnhancementsQueryVariables>;
export const PartnerGapAnalysisDocument = new TypedDocumentString(`
    mutation PartnerGapAnalysis($input: EnhancementInput!) {
  runEnhancement(input: $input) {
    id
    status
    requestedStages
    gapAnalysis {
      matchScore
      matchedKeywords
      missingKeywords
      summary
    }
    usage {
      llmCalls
      costUsd
    }
  }
}
    `) as unknown as TypedDocumentString<PartnerGapAnalysisMutation, PartnerGapAnalysisMutationVariables>;
export const ModelsDocument = new TypedDocumentString(`
    query Models {
  models {
    id
    provider
    stages
    healthy
    circuit
    successRate
    p50LatencyMs
    inputPricePerMTok
    outputPricePerMTok
    outputMode
  }
}
    `) as unknown as TypedDocumentString<ModelsQuery, ModelsQueryVariables>;
export const VerifyTailoringDocument = new TypedDocumentString(`
    query VerifyTailoring($original: String!, $tailored: String!, $jobAd: String) {
  verifyTailoring(original: $original, tailored: $tailored, jobAd: $jobAd) {
    faithful
    findings {
      kind
      excerpt
      detail
    }
    coveredKeywords
    missingKeywords
  }
}
    `) as unknown as TypedDocumentString<VerifyTailoringQuery, VerifyTailoringQueryVariables>;
export const EnhancementChangesDocument = new TypedDocumentString(`
    query EnhancementChanges($id: ID!) {
  enhancement(id: $id) {
    id
    status
    finalResumeMarkdown
    changes {
      id
      stage
      target
      before
      after
      status
      reviewed
      findings {
        kind
        excerpt
        detail
      }
    }
  }
}
    `) as unknown as TypedDocumentString<EnhancementChangesQuery, EnhancementChangesQueryVariables>;
export const ReviewChangesDocument = new TypedDocumentString(`
    mutation ReviewChanges($id: ID!, $apply: [ID!], $hold: [ID!]) {
  reviewChanges(id: $id, apply: $apply, hold: $hold) {
    id
    finalResumeMarkdown
    changes {
      id
      status
      reviewed
    }
  }
}
    `) as unknown as TypedDocumentString<ReviewChangesMutation, ReviewChangesMutationVariables>;
export const ImportResumeDocument = new TypedDocumentString(`
    mutation ImportResume($file: DocumentInput!) {
  importResume(file: $file) {
    text
    mediaType
    pages
    characters
    warnings
  }
}
    `) as unknown as TypedDocumentString<ImportResumeMutation, ImportResumeMutationVariables>;
export const ExportResumeDocument = new TypedDocumentString(`
    query ExportResume($id: ID!, $format: ExportFormat!) {
  exportResume(id: $id, format: $format) {
    filename
    mediaType
    byteLength
    contentBase64
  }
}
    `) as unknown as TypedDocumentString<ExportResumeQuery, ExportResumeQueryVariables>;
export const CoverLetterDocument = new TypedDocumentString(`
    query CoverLetter($id: ID!) {
  enhancement(id: $id) {
    id
    status
    coverLetter {
      markdown
      findings {
        kind
        excerpt
        detail
      }
    }
  }
}
    `) as unknown as TypedDocumentString<CoverLetterQuery, CoverLetterQueryVariables>;
export const ExportCoverLetterDocument = new TypedDocumentString(`
    query ExportCoverLetter($id: ID!, $format: ExportFormat!) {
  exportCoverLetter(id: $id, format: $format) {
    filename
    mediaType
    byteLength
    contentBase64
  }
}
    `) as unknown as TypedDocumentString<ExportCoverLetterQuery, ExportCoverLetterQueryVariables>;
export const StagePreviewDocument = new TypedDocumentString(`
    subscription StagePreview($id: ID!) {
  enhancementPreview(id: $id) {
    stage
    text
    at
  }
}
    `) as unknown as TypedDocumentString<StagePreviewSubscription, StagePreviewSubscriptionVariables>;