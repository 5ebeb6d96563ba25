import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, ID, Info, Int, Mutation, Query, Resolver, Root, Subscription } from 'type-graphql';
import { isCursor } from '../events/cursor.js';
import { FIELD_STAGE } from '../domain/graph.js';
import { PRIORITY } from '../queue/index.js';
import { ProgressStream } from '../events/progress-stream.js';
import { newEnhancementId } from '../store/enhancement-store.js';
import type { EnhancementEvent, EnhancementRecord } from '../store/types.js';
import type { RequestContext } from './context.js';
import { toEnhancement } from './enhancement-view.js';
import { badInput, codedError, notFound } from './errors.js';
import { EnhancementInput } from './inputs.js';
import { EnhancementConnection } from './types/connection.js';
import { Enhancement } from './types/enhancement.js';
import { EnhancementEventType } from './types/event.js';
import { selectedFieldNames } from './selection.js';
import { validateInput, type ValidInput } from './validate-input.js';

const IDEMPOTENCY_SECONDS = 24 * 3600;
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
  async startEnhancement(@Arg('input', () => EnhancementInput) raw: EnhancementInput, @Ctx() ctx: RequestContext): Promise<Enhancement> {
    const valid = validateInput(raw, ctx.services.config.limits, new Date());
    return toEnhancement(await this.accept(ctx, valid, PRIORITY.background));
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
    @Ctx() ctx: RequestContext,
    @Info() info: GraphQLResolveInfo,
  ): Promise<Enhancement> {
    const selected = selectedFieldNames(info);
    const derived = [...selected].flatMap((field) => (FIELD_STAGE[field] ? [FIELD_STAGE[field]!] : []));
    if (!derived.length && !raw.stages?.length) {
      throw badInput('select at least one output field (gapAnalysis, suggestions, finalResumeMarkdown, …) or name stages');
    }
    const { services } = ctx;
    const valid = validateInput(raw, services.config.limits, new Date(), derived);
    const accepted = await this.accept(ctx, valid, PRIORITY.waitingCaller);
    if (accepted.status === 'QUEUED' || accepted.status === 'RUNNING') {
      const stream = await ProgressStream.open({ redis: services.redis, hub: services.hub, keys: services.store.keys }, accepted.id, null);
      const timer = setTimeout(() => void stream.return(), services.config.runWaitMs);
      try {
        for await (const _event of stream) {
          // Drained until the terminal event, or until the wait runs out.
        }
      } finally {
        clearTimeout(timer);
        await stream.return();
      }
    }
    return toEnhancement((await services.store.get(accepted.id)) ?? accepted);
  }

  /** Stores and enqueues a validated request, or returns the enhancement its idempotency key already made. */
  private async accept(ctx: RequestContext, valid: ValidInput, priority: number): Promise<EnhancementRecord> {
    const { services, tenant } = ctx;
    let id: string | undefined;
    let reservation: string | null = null;
    if (valid.idempotencyKey) {
      reservation = services.store.keys.idempotency(tenant, valid.idempotencyKey);
      id = newEnhancementId();
      const won = await services.redis.set(reservation, id, 'EX', IDEMPOTENCY_SECONDS, 'NX');
      if (!won) return this.awaitIdempotent(ctx, (await services.redis.get(reservation)) ?? '');
    }
    try {
      await services.rateLimits.enhancement(tenant);
      const overQuota = services.quota && (await services.quota.refusal(tenant));
      if (overQuota) throw codedError('QUOTA_EXCEEDED', overQuota);
      if (services.budget && (await services.budget.exceeded(tenant))) {
        throw codedError('BUDGET_EXCEEDED', `today's model budget of $${services.budget.limitUsd} for this key is spent; try again tomorrow (UTC)`);
      }
    } catch (refusal) {
      // Nothing was accepted: the key is free for a retry.
      if (reservation) await services.redis.del(reservation);
      throw refusal;
    }
    const record = await services.store.create({ id, tenant, requestedStages: valid.stages, input: valid.input });
    try {
      await services.queue.enqueue(record.id, { priority });
    } catch {
      await services.store.emit(record.id, {
        type: 'FAILED',
        progress: 0,
        message: 'the queue could not take the enhancement',
        status: 'FAILED',
        error: { code: 'QUEUE_UNAVAILABLE', message: 'the queue could not take the enhancement; start it again', stage: null },
        closeOpenStages: 'SKIPPED',
      });
      throw codedError('INTERNAL_SERVER_ERROR', 'the queue is unavailable; nothing was started, try again');
    }
    return record;
  }

  @Mutation(() => Enhancement, { description: 'Stops a queued or running enhancement; no further stage starts.' })
  async cancelEnhancement(@Arg('id', () => ID) id: string, @Ctx() { tenant, services }: RequestContext): Promise<Enhancement> {
    const record = await services.store.getOwned(id, tenant);
    if (!record) throw notFound(id);
    const cancelled = await services.store.emit(id, {
      type: 'CANCELLED',
      progress: progressOf(record),
      message: 'enhancement cancelled',
      status: 'CANCELLED',
      closeOpenStages: 'CANCELLED',
    });
    if (cancelled) {
      await services.redis.publish(services.store.keys.cancelChannel(), id);
      await services.queue.discard(id);
    }
    return toEnhancement((await services.store.get(id)) ?? record);
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
      if (!(await services.store.getOwned(id, tenant))) throw notFound(id);
      return ProgressStream.open(
        { redis: services.redis, hub: services.hub, keys: services.store.keys },
        id,
        after ?? null,
      );
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

  /** Another request with the same key may still be creating the record it reserved. */
  private async awaitIdempotent({ tenant, services }: RequestContext, id: string): Promise<EnhancementRecord> {
    for (let i = 0; i < 50; i++) {
      const record = await services.store.getOwned(id, tenant);
      if (record) return record;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    throw codedError('INTERNAL_SERVER_ERROR', 'the first request with this idempotencyKey did not finish creating its enhancement');
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

function progressOf(record: EnhancementRecord): number {
  const done = record.requestedStages.filter((s) => record.stages[s]?.status === 'COMPLETED').length;
  return record.requestedStages.length ? done / record.requestedStages.length : 0;
}

function encodePageCursor(id: string): string {
  return Buffer.from(`enh:${id}`).toString('base64url');
}

function decodePageCursor(cursor: string): string {
  const decoded = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!decoded.startsWith('enh:')) throw badInput('after is not a cursor this API gave out', 'after');
  return decoded.slice(4);
}
