import { Field, Float, InputType } from 'type-graphql';
import type { Stage } from '../domain/graph.js';
import type { Creativity as CreativityLevel } from '../domain/input.js';
import { Creativity, PipelineStage } from './enums.js';
import { JSONObjectScalar } from './scalars.js';

@InputType({ description: 'A skill found by an upstream classifier.' })
export class ExtractedSkillInput {
  @Field(() => String) name!: string;
  @Field(() => Float, { description: '0..1.' }) confidence!: number;
}

@InputType()
export class EnhancementInput {
  @Field(() => String, { description: "The resume's text (plain or markdown)." }) resumeText!: string;
  @Field(() => String, { description: 'The job ad the resume is tailored to.' }) jobAd!: string;
  @Field(() => [ExtractedSkillInput], { nullable: true }) extractedSkills?: ExtractedSkillInput[] | null;
  @Field(() => JSONObjectScalar, { nullable: true, description: 'Insights from an upstream domain service.' })
  domainInsights?: Record<string, unknown> | null;
  @Field(() => Float, { nullable: true, description: 'Skills at or above it are high confidence. 0..1, default 0.7.' })
  confidenceThreshold?: number | null;
  @Field(() => Creativity, { nullable: true, description: 'Default BALANCED.' }) creativity?: CreativityLevel | null;
  @Field(() => [PipelineStage], { nullable: true, description: 'Default: all. Each runs with every stage it depends on.' })
  stages?: Stage[] | null;
  @Field(() => Boolean, { nullable: true, description: 'Ask the models afresh instead of reusing cached stage answers. Default false.' })
  bypassCache?: boolean | null;
  @Field(() => String, { nullable: true, description: 'The same tenant and key within 24 hours returns the first enhancement.' })
  idempotencyKey?: string | null;
}
