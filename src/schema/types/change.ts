import { Field, ID, ObjectType } from 'type-graphql';
import { CHANGE_STATUSES, type ChangeStatus as Status } from '../../domain/changes.js';
import type { Stage } from '../../domain/graph.js';
import { enumOf, PipelineStage } from '../enums.js';
import { TruthFinding } from '../verify.resolver.js';

export const ChangeStatus = enumOf(CHANGE_STATUSES, 'ChangeStatus', 'APPLIED: in finalResumeMarkdown. HELD: not in it (the audit or a reader held it).');

@ObjectType('ResumeChange', { description: 'A change a writing stage proposed to one line of the resume document, and what became of it.' })
export class ResumeChangeType {
  @Field(() => ID, { description: 'Stable within the enhancement.' }) id!: string;
  @Field(() => PipelineStage) stage!: Stage;
  @Field(() => String, { description: 'The line it changes: `summary`, `skills[0]`, `experience[1].bullets[0]`, or `experience[1].bullets` for an order.' })
  target!: string;
  @Field(() => String, { nullable: true, description: 'The original text it replaces; null for an addition.' }) before!: string | null;
  @Field(() => String, { description: 'The text exactly as it stands in finalResumeMarkdown when applied.' }) after!: string;
  @Field(() => ChangeStatus) status!: Status;
  @Field(() => Boolean, { description: 'A reader set the status.' }) reviewed!: boolean;
  @Field(() => [TruthFinding], { description: 'Why the audit holds it; empty for a clean change.' }) findings!: TruthFinding[];
}
