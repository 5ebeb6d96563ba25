import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { ReviewRefused, ReviewService } from '../services/review-service.js';
import type { EnhancementStore } from '../store/enhancement-store.js';
import type { RequestContext } from './context.js';
import { toEnhancement } from './enhancement-view.js';
import { badInput, codedError } from './errors.js';
import { Enhancement } from './types/enhancement.js';

/** One review service per store (it holds nothing else). */
const services = new WeakMap<EnhancementStore, ReviewService>();
const reviewOf = (store: EnhancementStore): ReviewService => {
  let service = services.get(store);
  if (!service) services.set(store, (service = new ReviewService(store)));
  return service;
};

@Resolver()
export class ReviewResolver {
  @Mutation(() => Enhancement, {
    description:
      'Applies held changes and holds applied ones (by ResumeChange id); the resume is rendered again from the document and the applied changes with no model call, and followers get a CHANGES_REVIEWED event. Before POLISH completed: BAD_USER_INPUT.',
    complexity: ({ childComplexity }) => 5 + childComplexity,
  })
  async reviewChanges(
    @Arg('id', () => ID) id: string,
    @Arg('apply', () => [ID], { nullable: true, description: 'Changes to apply (put in the resume).' }) apply: string[] | null,
    @Arg('hold', () => [ID], { nullable: true, description: 'Changes to hold (take out of the resume).' }) hold: string[] | null,
    @Ctx() { tenant, services: api }: RequestContext,
  ): Promise<Enhancement> {
    try {
      return toEnhancement(await reviewOf(api.store).review(tenant, id, apply ?? [], hold ?? []));
    } catch (error) {
      if (error instanceof ReviewRefused) throw error.code === 'NOT_FOUND' ? codedError('NOT_FOUND', error.message) : badInput(error.message, error.field);
      throw error;
    }
  }
}
