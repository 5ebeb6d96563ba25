import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import type { Stage } from '../../domain/graph.js';
import { EnhancementStatus, PipelineStage, StageStatus } from '../enums.js';
import { DateTimeScalar } from '../scalars.js';
import { CoverLetterType } from './export.js';
import {
  CreativeDraftType,
  DomainInsightsType,
  DossierType,
  ExperienceType,
  GapAnalysisType,
  ProvenanceType,
  SeniorityType,
  SkillInventoryType,
  StarBulletType,
  SuggestionType,
} from './outputs.js';
import { ResumeChangeType } from './change.js';

@ObjectType({ description: 'What one stage did.' })
export class StageRunType {
  @Field(() => PipelineStage) stage!: Stage;
  @Field(() => StageStatus) status!: string;
  @Field(() => Int) attempts!: number;
  @Field(() => Boolean) cached!: boolean;
  @Field(() => String, { nullable: true }) provider!: string | null;
  @Field(() => String, { nullable: true }) model!: string | null;
  @Field(() => Int, { nullable: true }) durationMs!: number | null;
  @Field(() => Float) costUsd!: number;
  @Field(() => Int) promptTokens!: number;
  @Field(() => Int) completionTokens!: number;
  @Field(() => String, { nullable: true }) error!: string | null;
  @Field(() => [String], { description: 'What a reader should know: a fallback model or `local` answered, the resume was read in parts, …' })
  notes!: string[];
}

@ObjectType()
export class EnhancementErrorType {
  @Field(() => String) code!: string;
  @Field(() => String) message!: string;
  @Field(() => PipelineStage, { nullable: true }) stage!: Stage | null;
}

@ObjectType({ description: 'What an enhancement used, summed over its stages.' })
export class UsageType {
  @Field(() => Int) llmCalls!: number;
  @Field(() => Int) cacheHits!: number;
  @Field(() => Int) promptTokens!: number;
  @Field(() => Int) completionTokens!: number;
  @Field(() => Int) totalTokens!: number;
  @Field(() => Float, { description: 'US dollars.' }) costUsd!: number;
  @Field(() => Float, { description: 'US dollars the stage cache avoided.' }) savedCostUsd!: number;
  @Field(() => Int, { description: 'From acceptance to the end (or to now while it runs).' }) durationMs!: number;
}

@ObjectType({ description: 'A resume enhancement: its progress and whatever its stages produced so far.' })
export class Enhancement {
  @Field(() => ID) id!: string;
  @Field(() => EnhancementStatus) status!: string;
  @Field(() => [PipelineStage], { description: 'The requested stages and everything they depend on.' }) requestedStages!: Stage[];
  @Field(() => DateTimeScalar) createdAt!: string;
  @Field(() => DateTimeScalar, { nullable: true }) completedAt!: string | null;
  @Field(() => EnhancementErrorType, { nullable: true }) error!: EnhancementErrorType | null;
  @Field(() => [StageRunType]) stages!: StageRunType[];
  @Field(() => [ExperienceType], { nullable: true }) experiences!: ExperienceType[] | null;
  @Field(() => SkillInventoryType, { nullable: true }) skills!: SkillInventoryType | null;
  @Field(() => SeniorityType, { nullable: true }) seniority!: SeniorityType | null;
  @Field(() => DomainInsightsType, { nullable: true }) domainInsights!: DomainInsightsType | null;
  @Field(() => GapAnalysisType, { nullable: true }) gapAnalysis!: GapAnalysisType | null;
  @Field(() => [SuggestionType], { nullable: true, description: 'Refined by CRITIQUE once it ran; the first pass of SUGGEST before.' })
  suggestions!: SuggestionType[] | null;
  @Field(() => DossierType, { nullable: true }) dossier!: DossierType | null;
  @Field(() => CreativeDraftType, { nullable: true }) creativeDraft!: CreativeDraftType | null;
  @Field(() => [StarBulletType], { nullable: true }) starBullets!: StarBulletType[] | null;
  @Field(() => String, { nullable: true }) finalResumeMarkdown!: string | null;
  @Field(() => [String], { nullable: true }) editorialNotes!: string[] | null;
  @Field(() => [ProvenanceType], { nullable: true }) provenance!: ProvenanceType[] | null;
  @Field(() => CoverLetterType, { nullable: true, description: 'Written by COVER_LETTER, which runs only when asked for (by stage or by this field).' })
  coverLetter!: CoverLetterType | null;

  @Field(() => [ResumeChangeType], {
    nullable: true,
    description: 'What DRAFT, STAR and POLISH proposed, each APPLIED (in finalResumeMarkdown) or HELD with its findings; null until POLISH completed.',
  })
  changes!: ResumeChangeType[] | null;
  @Field(() => UsageType) usage!: UsageType;
}
