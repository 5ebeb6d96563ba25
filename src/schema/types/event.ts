import { Field, Float, ObjectType } from 'type-graphql';
import type { Stage } from '../../domain/graph.js';
import { EventType, PipelineStage } from '../enums.js';
import { DateTimeScalar } from '../scalars.js';
import { Enhancement } from './enhancement.js';

@ObjectType({ description: 'One step of an enhancement, as it happened.' })
export class EnhancementEventType {
  @Field(() => String, { description: 'Opaque and strictly increasing per enhancement; pass it as `after` to resume.' })
  cursor!: string;
  @Field(() => EventType) type!: string;
  @Field(() => PipelineStage, { nullable: true }) stage!: Stage | null;
  @Field(() => Float, { description: 'Overall fraction 0..1 of the requested stages done.' }) progress!: number;
  @Field(() => String) message!: string;
  @Field(() => DateTimeScalar) at!: string;
  @Field(() => Enhancement, { description: 'The enhancement right after this event.' }) enhancement!: Enhancement;
  /** Not a field: the enhancement's id and status at this event, enough when only those are selected. */
  enhancementId!: string;
  status!: string;
}
