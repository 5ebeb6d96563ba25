import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { isCursor } from '../events/cursor.js';
import { FIELD_STAGE } from '../domain/graph.js';
import type { EnhancementEvent } from '../store/types.js';
import type { RequestContext } from './context.js';
import { toEnhancement } from './enhancement-view.js';
import { badInput, notFound } from './errors.js';
import { EnhancementInput } from './inputs.js';
import { EnhancementConnection } from './types/connection.js';
import { Enhancement } from './types/enhancement.js';
import { EnhancementEventType } from './types/event.js';
import { selectedFieldNames } from './selection.js';
import { validateInput } from './validate-input.js';

const MAX_PAGE = 100;

@Resolver(() => Enhancement)
export class EnhancementResolver {
  @Query(() => Enhancement, { description: 'One of your enhancements with every stage and output so far.' })
  async enhancement(@Arg('id', () => ID) id: string, @Ctx() { tenant, services }: RequestContext): Promise<Enhancement> {
    const record = await services.store.getOwned(id, tenant);
    if (!record) throw notFound(id);
    return toEnhancement(record);
  }

  @Query(() => EnhancementConnection, {
    description: 'Your enhancements, newest first.',
    complexity: ({ args, childComplexity }) => Math.max(1, Math.min(Number(args.first ?? 20), MAX_PAGE)) * childComplexity,
  })
  async enhancements(
    @Arg('first', () => Int, { nullable: true, description: `Page size, 1..${MAX_PAGE}; default 20.` }) first: number | null,
    @Arg('after', () => String, { nullable: true, description: 'The endCursor of the previous page.' }) after: string | null,
    @Ctx() { tenant, services }: RequestContext,
  ): Promise<EnhancementConnection> {
    const size = first ?? 20;
    if (size < 1 || size > MAX_PAGE) throw badInput(`first must be between 1 and ${MAX_PAGE}`, 'first');
    const afterId = after === null || after === undefined ? null : decodePageCursor(after);
    const { records, hasNext } = await services.store.list(tenant, size, afterId);
    const edges = records.map((record) => ({ cursor: encodePageCursor(record.id), node: toEnhancement(record) }));
    return { edges, pageInfo: { hasNextPage: hasNext, endCursor: edges.at(-1)?.cursor ?? null } };
  }

  @Mutation(() => Enhancement, {
    description: 'Accepts an enhancement and queues it; follow it with enhancementProgress.',
    complexity: ({ childComplexity }) => 10 + childComplexity,
  })
  async startEnhancement(@Arg('input', () => EnhancementInput) raw: EnhancementInput, @Ctx() { tenant, services }: RequestContext): Promise<Enhancement> {
    return toEnhancement(await services.enhancements.start(tenant, validateInput(raw, services.config.limits, new Date())));
  }

  @Mutation(() => Enhancement, {
    description:
      'Runs the stages the selected fields need (gapAnalysis: ANALYSIS alone; suggestions: ANALYSIS, SUGGEST, CRITIQUE; ' +
      'finalResumeMarkdown: the funnel) ahead of background work, and returns when they are done, or when the wait ' +
      'runs out with the record as it stands (status RUNNING: subscribe to follow it).',
    complexity: ({ childComplexity }) => 10 + childComplexity,
  })
  async runEnhancement(
    @Arg('input', () => EnhancementInput) raw: EnhancementInput,
    @Ctx() { tenant, services }: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Enhancement> {
    const derived = [...selectedFieldNames(info)].flatMap((field) => (FIELD_STAGE[field] ? [FIELD_STAGE[field]!] : []));
    if (!derived.length && !raw.stages?.length) {
      throw badInput('select at least one output field (gapAnalysis, suggestions, finalResumeMarkdown, …) or name stages');
    }
    return toEnhancement(await services.enhancements.run(tenant, validateInput(raw, services.config.limits, new Date(), derived)));
  }

  @Mutation(() => Enhancement, { description: 'Stops a queued or running enhancement; no further stage starts.' })
  async cancelEnhancement(@Arg('id', () => ID) id: string, @Ctx() { tenant, services }: RequestContext): Promise<Enhancement> {
    return toEnhancement(await services.enhancements.cancel(tenant, id));
  }

  @Subscription(() => EnhancementEventType, {
    description:
      'Events of one of your enhancements: those after `after` (all of them without it), then live ones; ends after the terminal event.',
    subscribe: async ({ args, context }) => {
      const { id, after } = args as { id: string; after?: string | null };
      const { tenant, services } = context as RequestContext;
      if (after !== undefined && after !== null && !isCursor(after)) {
        throw badInput('after is not a cursor this API gave out: pass the cursor of the last event you saw', 'after');
      }
      return services.enhancements.follow(tenant, id, after ?? null);
    },
  })
  enhancementProgress(
    @Root() event: EnhancementEvent,
    @Arg('id', () => ID) _id: string,
    @Arg('after', () => String, { nullable: true }) _after: string | null,
  ): EnhancementEventType {
    return {
      cursor: event.cursor,
      type: event.type,
      stage: event.stage,
      progress: event.progress,
      message: event.message,
      at: event.at,
      enhancementId: event.enhancementId,
      status: event.status,
    } as EnhancementEventType;
  }
}

@Resolver(() => EnhancementEventType)
export class EnhancementEventResolver {
  /**
   * Loads the record only when more than its id and status are selected. Not `async`: the light
   * answer (every event of a subscription that selects `enhancement { id status }`) is returned as
   * it is, without a promise and a microtask per delivered event.
   */
  @FieldResolver(() => Enhancement)
  enhancement(
    @Root() event: EnhancementEventType,
    @Info() info: GraphQLResolveInfo,
    @Ctx() { services }: RequestContext,
  ): Partial<Enhancement> | Promise<Partial<Enhancement>> {
    const selections = info.fieldNodes[0]?.selectionSet?.selections ?? [];
    const light = selections.every((s) => s.kind === 'Field' && LIGHT_FIELDS.has(s.name.value));
    if (light) return { id: event.enhancementId, status: event.status };
    return services.store.get(event.enhancementId).then((record) => {
      if (!record) throw notFound(event.enhancementId);
      return toEnhancement(record);
    });
  }
}

const LIGHT_FIELDS = new Set(['id', 'status', '__typename']);

function encodePageCursor(id: string): string {
  return Buffer.from(`enh:${id}`).toString('base64url');
}

function decodePageCursor(cursor: string): string {
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!decoded.startsWith('enh:')) throw badInput('after is not a cursor this API gave out', 'after');
  return decoded.slice(4);
}
