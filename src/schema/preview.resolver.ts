/** `enhancementPreview`: what a writing stage of one of your enhancements has written so far, live. */
import { Arg, Field, ID, ObjectType, Resolver, Root, Subscription } from 'type-graphql';
import type { Stage } from '../domain/graph.js';
import { PreviewStream } from '../events/preview-stream.js';
import type { StagePreviewMessage } from '../events/previews.js';
import type { RequestContext } from './context.js';
import { PipelineStage } from './enums.js';
import { notFound } from './errors.js';
import { DateTimeScalar } from './scalars.js';

@ObjectType({ description: 'What a writing stage has written so far: best effort, not stored.' })
export class StagePreview {
  @Field(() => PipelineStage)
  stage!: Stage;

  @Field(() => String, { description: 'The text so far, whole (not a delta); empty when an attempt starts over.' })
  text!: string;

  @Field(() => DateTimeScalar)
  at!: string;
}

@Resolver()
export class PreviewResolver {
  @Subscription(() => StagePreview, {
    description:
      'The text a writing stage (the resume, the letter, the narrative) has written so far, a few times a second while it writes; a retry or fallback starts it over, a cached stage sends its final text once. Not stored; ends when the enhancement ends.',
    subscribe: async ({ args, context }) => {
      const { id } = args as { id: string };
      const { tenant, services } = context as RequestContext;
      if (!(await services.store.getOwned(id, tenant))) throw notFound(id);
      return PreviewStream.open({ redis: services.redis, hub: services.hub, keys: services.store.keys }, id);
    },
  })
  enhancementPreview(@Root() preview: StagePreviewMessage, @Arg('id', () => ID) _id: string): StagePreview {
    return preview;
  }
}
