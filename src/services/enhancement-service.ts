/**
 * What the enhancement operations do: start (idempotency, limits, store, enqueue), run (start, then
 * wait for the end), cancel and follow. Resolvers call these and touch no Redis key.
 */
import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import type { Stage } from '../domain/graph.js';
import type { PipelineInput } from '../domain/input.js';
import type { EventHub } from '../events/hub.js';
import { ProgressStream } from '../events/progress-stream.js';
import { PRIORITY, type EnhancementQueue } from '../queue/index.js';
import { newEnhancementId, type EnhancementStore } from '../store/enhancement-store.js';
import { IdempotencyKeys } from '../store/idempotency.js';
import { ACTIVE_STATUSES, type EnhancementRecord } from '../store/types.js';
import { codedError, notFound } from '../schema/errors.js';

/** A validated request: the input with its defaults applied, and the stages it runs. */
export interface StartRequest {
  input: PipelineInput;
  stages: Stage[];
  idempotencyKey: string | null;
}

export interface EnhancementServiceDeps {
  redis: Redis;
  store: EnhancementStore;
  queue: EnhancementQueue;
  hub: EventHub;
  rateLimits: { enhancement(tenant: string): Promise<void> };
  budget: { exceeded(tenant: string): Promise<boolean>; limitUsd: number } | null;
  /** The tenant's storage quota: why it may not store another enhancement, or null. Null when quotas are off. */
  quota: { refusal(tenant: string): Promise<string | null> } | null;
  /** How long `run` waits for the end before it answers the record as it stands. */
  runWaitMs: number;
  /** An enhancement not done this long after acceptance is failed by the deadline sweeper. */
  deadlineMs: number;
  /** How long an idempotency key lives once its enhancement is stored (the record's lifetime). */
  idempotencySeconds: number;
}

/** How long a request waits on another that holds the same key and is still storing its enhancement. */
const PENDING_POLL_MS = 20;

export class EnhancementService {
  private readonly idempotency: IdempotencyKeys;

  constructor(private readonly deps: EnhancementServiceDeps) {
    this.idempotency = new IdempotencyKeys(deps.redis, deps.store.keys, deps.idempotencySeconds);
  }

  /** Stores and enqueues a request, or answers the enhancement its idempotency key already names. */
  async start(tenant: string, request: StartRequest, priority: number = PRIORITY.background): Promise<EnhancementRecord> {
    const key = request.idempotencyKey;
    if (!key) return this.create(tenant, request, newEnhancementId(), priority);
    const fingerprint = fingerprintOf(request);
    const waitUntil = Date.now() + this.idempotency.leaseMs + 5_000;
    let lost = '';
    for (;;) {
      const held = await this.idempotency.reserve(tenant, key, fingerprint, newEnhancementId(), lost);
      if (held.outcome === 'conflict') {
        throw codedError('IDEMPOTENCY_CONFLICT', 'this idempotencyKey was already used with a different input: use a new key for a new request');
      }
      if (held.outcome === 'reserved') {
        try {
          const record = await this.create(tenant, request, held.id, priority);
          await this.idempotency.created(tenant, key, held.id);
          return record;
        } catch (refusal) {
          // Refused (rate limit, quota, budget) or not written: the key is free for a retry.
          await this.idempotency.free(tenant, key, held.id).catch(() => undefined);
          throw refusal;
        }
      }
      const record = await this.deps.store.getOwned(held.id, tenant);
      if (record) return record;
      // Stored and since gone (its record expired first): take the key again.
      if (held.outcome === 'created') lost = held.id;
      else if (Date.now() > waitUntil) {
        throw codedError('INTERNAL_SERVER_ERROR', 'the first request with this idempotencyKey did not finish; try again');
      } else await new Promise((resolve) => setTimeout(resolve, PENDING_POLL_MS));
    }
  }

  /**
   * Starts a request ahead of background work and waits for its end, or for `runWaitMs`: the
   * record as it stands then.
   */
  async run(tenant: string, request: StartRequest): Promise<EnhancementRecord> {
    const accepted = await this.start(tenant, request, PRIORITY.waitingCaller);
    if (ACTIVE_STATUSES.includes(accepted.status)) {
      const stream = await this.follow(tenant, accepted.id, null);
      const timer = setTimeout(() => void stream.return(), this.deps.runWaitMs);
      try {
        for await (const _event of stream) {
          // Drained until the terminal event, or until the wait runs out.
        }
      } finally {
        clearTimeout(timer);
        await stream.return();
      }
    }
    return (await this.deps.store.get(accepted.id)) ?? accepted;
  }

  /** Cancels a queued or running enhancement; one that ended already is answered as it is. */
  async cancel(tenant: string, id: string): Promise<EnhancementRecord> {
    const { store, redis, queue } = this.deps;
    const record = await store.getOwned(id, tenant);
    if (!record) throw notFound(id);
    const cancelled = await store.emit(id, {
      type: 'CANCELLED',
      progress: progressOf(record),
      message: 'enhancement cancelled',
      status: 'CANCELLED',
      closeOpenStages: 'CANCELLED',
    });
    if (cancelled) {
      await store.forgetDeadlines([id]);
      await redis.publish(store.keys.cancelChannel(), id);
      await queue.discard(id);
    }
    return (await store.get(id)) ?? record;
  }

  /** The events of one of the tenant's enhancements after `after`, then live ones. */
  async follow(tenant: string, id: string, after: string | null): Promise<ProgressStream> {
    const { store, redis, hub } = this.deps;
    if (!(await store.getOwned(id, tenant))) throw notFound(id);
    return ProgressStream.open({ redis, hub, keys: store.keys }, id, after);
  }

  private async create(tenant: string, request: StartRequest, id: string, priority: number): Promise<EnhancementRecord> {
    const { store, queue, rateLimits, budget, quota } = this.deps;
    await rateLimits.enhancement(tenant);
    const overQuota = quota && (await quota.refusal(tenant));
    if (overQuota) throw codedError('QUOTA_EXCEEDED', overQuota);
    if (budget && (await budget.exceeded(tenant))) {
      throw codedError('BUDGET_EXCEEDED', `today's model budget of $${budget.limitUsd} for this key is spent; try again tomorrow (UTC)`);
    }
    const record = await store.create({ id, tenant, requestedStages: request.stages, input: request.input, deadlineMs: this.deps.deadlineMs });
    try {
      await queue.enqueue(record.id, { priority });
    } catch {
      await store.emit(record.id, {
        type: 'FAILED',
        progress: 0,
        message: 'the queue could not take the enhancement',
        status: 'FAILED',
        error: { code: 'QUEUE_UNAVAILABLE', message: 'the queue could not take the enhancement; start it again', stage: null },
        closeOpenStages: 'SKIPPED',
      });
      await store.forgetDeadlines([record.id]).catch(() => undefined);
      throw codedError('INTERNAL_SERVER_ERROR', 'the queue is unavailable; nothing was started, try again');
    }
    return record;
  }
}

/**
 * What makes two requests "the same input": the input with its defaults applied and the stages it
 * runs, but not the day it arrived (a retry after midnight is the same request).
 */
export function fingerprintOf(request: StartRequest): string {
  const { asOf: _asOf, ...input } = request.input;
  return createHash('sha256').update(canonical({ input, stages: request.stages })).digest('base64url');
}

/** JSON with object keys sorted, so the same value always reads the same. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

function progressOf(record: EnhancementRecord): number {
  const done = record.requestedStages.filter((s) => record.stages[s]?.status === 'COMPLETED').length;
  return record.requestedStages.length ? done / record.requestedStages.length : 0;
}
