/** The `models` query: the gateway's health registry, one entry per model of any stage's chain. */
import { Ctx, Field, Float, Int, ObjectType, Query, registerEnumType, Resolver } from 'type-graphql';
import type { ModelInfo as GatewayModelInfo } from '../gateway/index.js';
import type { Stage } from '../domain/graph.js';
import { PipelineStage } from './enums.js';

export const CircuitState = { CLOSED: 'CLOSED', OPEN: 'OPEN', HALF_OPEN: 'HALF_OPEN' } as const;
export type CircuitState = (typeof CircuitState)[keyof typeof CircuitState];
registerEnumType(CircuitState, {
  name: 'CircuitState',
  description: "A model's circuit breaker: CLOSED lets calls through, OPEN skips the model, HALF_OPEN lets one probe through.",
});

export const OutputMode = {
  JSON_SCHEMA_STRICT: 'JSON_SCHEMA_STRICT',
  JSON_SCHEMA: 'JSON_SCHEMA',
  JSON_OBJECT: 'JSON_OBJECT',
  PROMPT_ONLY: 'PROMPT_ONLY',
} as const;
export type OutputMode = (typeof OutputMode)[keyof typeof OutputMode];
registerEnumType(OutputMode, {
  name: 'OutputMode',
  description:
    'How a model is asked for structured output: strict json_schema, json_schema with strict: false, json_object with the schema in the prompt, or the schema in the prompt alone. A model that refuses or ignores a format is stepped down, and the step is remembered for a while.',
});

@ObjectType({ description: 'A model of the gateway: which stages it serves, how it has been doing, what it costs.' })
export class ModelInfo {
  @Field(() => String, { description: '`provider/model`, as in IMAGINATOR_MODEL_* (`local` for the built-in engine).' })
  id!: string;

  @Field(() => String, { description: 'openrouter, openai, gemini or local.' })
  provider!: string;

  @Field(() => [PipelineStage], { description: 'Stages whose chain holds this model.' })
  stages!: Stage[];

  @Field(() => Boolean, { description: 'Circuit closed and at least half of recent attempts succeeded.' })
  healthy!: boolean;

  @Field(() => CircuitState)
  circuit!: CircuitState;

  @Field(() => Float, { nullable: true, description: 'Share (0..1) of the last 100 attempts that succeeded; null before the first.' })
  successRate!: number | null;

  @Field(() => Float, { nullable: true, description: 'Median latency of recent successful attempts, ms.' })
  p50LatencyMs!: number | null;

  @Field(() => Int, { description: 'Failed attempts since the last success.' })
  consecutiveFailures!: number;

  @Field(() => Float, { nullable: true, description: 'US dollars per million prompt tokens; null when unknown.' })
  inputPricePerMTok!: number | null;

  @Field(() => Float, { nullable: true, description: 'US dollars per million completion tokens; null when unknown.' })
  outputPricePerMTok!: number | null;

  @Field(() => Float, { nullable: true, description: 'Context window in tokens; null for the local engine.' })
  contextLength!: number | null;

  @Field(() => OutputMode, { nullable: true, description: 'How the model is asked for structured output now; null for the local engine.' })
  outputMode!: OutputMode | null;
}

/** What this resolver needs from the request context: the gateway's model registry. */
export interface ModelsContext {
  services: { modelRegistry: { models(): GatewayModelInfo[]; syncOutputModes?(): Promise<void> } };
}

@Resolver()
export class ModelsResolver {
  @Query(() => [ModelInfo], { description: "The LLM gateway's models and their health." })
  async models(@Ctx() ctx: ModelsContext): Promise<ModelInfo[]> {
    // Another process may have stepped a model down the format ladder: read the steps first.
    await ctx.services.modelRegistry.syncOutputModes?.();
    return ctx.services.modelRegistry.models().map((m) => ({
      ...m,
      p50LatencyMs: m.p50LatencyMs === null ? null : Math.round(m.p50LatencyMs * 10) / 10,
    }));
  }
}
