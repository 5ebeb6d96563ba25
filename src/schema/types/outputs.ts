import { Field, Float, Int, ObjectType } from 'type-graphql';
import { SeniorityLevel, SkillSource, SuggestionKind } from '../enums.js';

@ObjectType({ description: 'One role of the resume.' })
export class ExperienceType {
  @Field(() => String) title!: string;
  @Field(() => String) company!: string;
  @Field(() => String, { nullable: true, description: '`YYYY-MM` or `YYYY`.' }) startDate!: string | null;
  @Field(() => String, { nullable: true, description: '`YYYY-MM`, `YYYY` or `Present`.' }) endDate!: string | null;
  @Field(() => [String]) highlights!: string[];
  @Field(() => [String]) skills!: string[];
}

@ObjectType()
export class SkillType {
  @Field(() => String) name!: string;
  @Field(() => Float) confidence!: number;
  @Field(() => SkillSource) source!: keyof typeof SkillSource;
}

@ObjectType({ description: 'Skills bucketed by confidence around the requested threshold.' })
export class SkillInventoryType {
  @Field(() => [String]) all!: string[];
  @Field(() => [SkillType]) high!: SkillType[];
  @Field(() => [SkillType]) medium!: SkillType[];
  @Field(() => [SkillType]) low!: SkillType[];
}

@ObjectType()
export class SeniorityType {
  @Field(() => SeniorityLevel) level!: string;
  @Field(() => Float) confidence!: number;
  @Field(() => Float) yearsOfExperience!: number;
  @Field(() => String) reasoning!: string;
}

@ObjectType()
export class DomainInsightsType {
  @Field(() => String) domain!: string;
  @Field(() => [String]) skillGapPriority!: string[];
  @Field(() => [String]) emergingTrends!: string[];
}

@ObjectType()
export class GapAnalysisType {
  @Field(() => String) summary!: string;
  @Field(() => Int, { description: "0..100: the share of the job ad's key requirements that the resume evidences." })
  matchScore!: number;
  @Field(() => [String]) matchedKeywords!: string[];
  @Field(() => [String]) missingKeywords!: string[];
  @Field(() => [String]) criticalGaps!: string[];
  @Field(() => [String]) niceToHaveGaps!: string[];
}

@ObjectType()
export class SuggestionType {
  @Field(() => SuggestionKind) kind!: string;
  @Field(() => String) title!: string;
  @Field(() => String) detail!: string;
  @Field(() => [String]) addressesGaps!: string[];
  @Field(() => Int, { description: '1 is the most important.' }) priority!: number;
}

@ObjectType({ description: 'The master dossier of RESEARCH: masterProfile is the parsed resume document, rendered (no model retypes it).' })
export class DossierType {
  @Field(() => String) masterProfile!: string;
  @Field(() => String) industryIntel!: string;
  @Field(() => String) tailoringStrategy!: string;
  @Field(() => [String], { description: '`metric — line (target)`: each metric cites the resume line that states it.' }) keyMetrics!: string[];
  @Field(() => [String], { description: "The job ad's keywords that some resume line evidences." }) evidencedKeywords!: string[];
  @Field(() => [String], { description: 'Web pages a web-grounded model consulted for the intel; empty otherwise.' }) sources!: string[];
}

@ObjectType()
export class CreativeDraftType {
  @Field(() => String) narrative!: string;
  @Field(() => [String]) storyArc!: string[];
}

@ObjectType()
export class StarBulletType {
  @Field(() => String, { nullable: true, description: 'The role it belongs to, as `Title — Company`.' }) role!: string | null;
  @Field(() => String, { nullable: true, description: 'The line (`experience[1].bullets[0]`) it rewrites.' }) target!: string | null;
  @Field(() => String, { nullable: true, description: 'Null where the source line does not state it.' }) situation!: string | null;
  @Field(() => String, { nullable: true, description: 'Null where the source line does not state it.' }) task!: string | null;
  @Field(() => String) action!: string;
  @Field(() => String, { nullable: true, description: 'Null where the source line states no outcome: a STAR bullet never invents one.' }) result!: string | null;
  @Field(() => String, { description: 'The rewritten bullet as proposed (see `changes` for whether it is applied).' }) text!: string;
}

@ObjectType({ description: 'One claim of the final resume and the resume excerpt it rests on.' })
export class ProvenanceType {
  @Field(() => String) claim!: string;
  @Field(() => String, { nullable: true }) source!: string | null;
  @Field(() => Boolean, { description: 'True where no input supports the claim.' }) synthetic!: boolean;
}
