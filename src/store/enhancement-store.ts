import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { LRUCache } from 'lru-cache';
import type { Stage } from '../domain/graph.js';
import type { PipelineInput } from '../domain/input.js';
import type { StageOutputs } from '../domain/outputs.js';
import { Keys } from './keys.js';
import { luaScript } from './scripts/index.js';
import {
  ACTIVE_STATUSES,
  type EnhancementError,
  type EnhancementEvent,
  type EnhancementRecord,
  type EnhancementStatus,
  type EventType,
  type StageRun,
  type StageStatus,
  TERMINAL_EVENTS,
} from './types.js';

interface EmitClient extends Redis {
  imaginatorEmit(...args: (string | number)[]): Promise<string | null>;
}

export interface NewEnhancement {
  /** A pre-allocated id (an idempotency reservation); a fresh one otherwise. */
  id?: string;
  tenant: string;
  requestedStages: Stage[];
  input: PipelineInput;
  /** When set, the enhancement is listed for the deadline sweeper, due this long after now. */
  deadlineMs?: number;
}

export interface EmitOptions {
  type: EventType;
  stage?: Stage | null;
  progress: number;
  message: string;
  /** The record's status after the event. */
  status: EnhancementStatus;
  /** The event is refused (returns null) unless the record is in one of these. */
  whenStatus?: readonly EnhancementStatus[];
  stageRun?: StageRun;
  output?: unknown;
  error?: EnhancementError;
  /** Stages still PENDING or RUNNING are closed with this status (terminal events). */
  closeOpenStages?: StageStatus;
}

interface Meta {
  id: string;
  tenant: string;
  requestedStages: Stage[];
  createdAt: string;
  input: PipelineInput;
}

/** Unguessable, URL-safe, never all digits and free of `:` (BullMQ job ids). */
export function newEnhancementId(): string {
  return `enh_${randomBytes(16).toString('base64url')}`;
}

export function pendingStageRun(stage: Stage): StageRun {
  // `status` first: the emit script closes open stages by rewriting the JSON's head.
  return {
    status: 'PENDING',
    stage,
    attempts: 0,
    llmCalls: 0,
    cached: false,
    provider: null,
    model: null,
    durationMs: null,
    costUsd: 0,
    savedCostUsd: 0,
    promptTokens: 0,
    completionTokens: 0,
    error: null,
    notes: [],
    startedAt: null,
    completedAt: null,
  };
}

export class EnhancementStore {
  readonly keys: Keys;
  private readonly redis: EmitClient;
  /**
   * Records that ended never change again (every later write is refused by the emit script, but
   * for a reader's review, allowed only while COMPLETED), so a client polling a finished result
   * is answered from memory for a while.
   */
  private readonly settled: LRUCache<string, EnhancementRecord>;

  constructor(
    redis: Redis,
    prefix: string,
    private readonly retentionSeconds: number,
  ) {
    this.keys = new Keys(prefix);
    this.settled = new LRUCache({ max: 500, ttl: Math.min(60, retentionSeconds) * 1000 });
    if (!('imaginatorEmit' in redis)) redis.defineCommand('imaginatorEmit', { numberOfKeys: 2, lua: luaScript('emit') });
    this.redis = redis as EmitClient;
  }

  /** The connection the store writes with (for processes that share it: the sweeper's lease). */
  get redisClient(): Redis {
    return this.redis;
  }

  /** Stores a QUEUED record and its QUEUED event. */
  async create(spec: NewEnhancement, now = new Date()): Promise<EnhancementRecord> {
    const id = spec.id ?? newEnhancementId();
    const meta: Meta = {
      id,
      tenant: spec.tenant,
      requestedStages: spec.requestedStages,
      createdAt: now.toISOString(),
      input: spec.input,
    };
    const multi = this.redis.multi().hset(this.keys.record(id), 'status', 'QUEUED', 'meta', JSON.stringify(meta));
    for (const stage of spec.requestedStages) {
      multi.hset(this.keys.record(id), `stage:${stage}`, JSON.stringify(pendingStageRun(stage)));
    }
    multi.expire(this.keys.record(id), this.retentionSeconds);
    const index = this.keys.tenantIndex(spec.tenant);
    // Sent together, applied in order on one connection: the QUEUED event finds the record it
    // belongs to. The tenant's index is another hash slot, so it stays out of the transaction.
    // The index outlives its newest record by the retention period, then goes too.
    const [, , , , queued] = await Promise.all([
      multi.exec(),
      this.redis.zadd(index, now.getTime(), id),
      this.redis.expire(index, this.retentionSeconds),
      spec.deadlineMs === undefined ? null : this.redis.zadd(this.keys.deadlines(), now.getTime() + spec.deadlineMs, id),
      this.emit(id, {
        type: 'QUEUED',
        progress: 0,
        message: `queued: ${spec.requestedStages.join(', ')}`,
        status: 'QUEUED',
        whenStatus: ['QUEUED'],
      }),
    ]);
    if (!queued) throw new Error(`enhancement ${id} could not be queued`);
    // What was just written, without reading it back.
    return {
      id,
      tenant: spec.tenant,
      status: 'QUEUED',
      requestedStages: spec.requestedStages,
      createdAt: meta.createdAt,
      completedAt: null,
      error: null,
      input: spec.input,
      stages: Object.fromEntries(spec.requestedStages.map((stage) => [stage, pendingStageRun(stage)])),
      outputs: {},
    };
  }

  /** Appends an event and applies its change; null when the record's status refused it. */
  async emit(id: string, options: EmitOptions): Promise<EnhancementEvent | null> {
    const at = new Date().toISOString();
    const stage = options.stage ?? null;
    const event = {
      type: options.type,
      stage,
      progress: options.progress,
      message: options.message,
      at,
      status: options.status,
    };
    const json = JSON.stringify(event);
    const fields: string[] = [];
    if (options.stageRun) fields.push(`stage:${options.stageRun.stage}`, JSON.stringify(options.stageRun));
    if (options.output !== undefined && stage) fields.push(`out:${stage}`, JSON.stringify(options.output));
    if (options.error) fields.push('error', JSON.stringify(options.error));
    // The terminal event ends the enhancement; a later CHANGES_REVIEWED keeps its end time.
    if (TERMINAL_EVENTS.includes(options.type)) fields.push('completedAt', at);
    const cursor = await this.redis.imaginatorEmit(
      this.keys.record(id),
      this.keys.events(id),
      (options.whenStatus ?? ACTIVE_STATUSES).join(','),
      options.status,
      json,
      this.keys.channel(id),
      this.retentionSeconds,
      options.closeOpenStages ?? '',
      ...fields,
    );
    if (!cursor) return null;
    this.settled.delete(id);
    return { enhancementId: id, cursor, ...event };
  }

  async get(id: string): Promise<EnhancementRecord | null> {
    const settled = this.settled.get(id);
    if (settled) return settled;
    const hash = await this.redis.hgetall(this.keys.record(id));
    if (!hash.meta) return null;
    const record = parseRecord(hash);
    // An ended record whose changes a reader may still review (POLISH ran) can change on any API
    // instance: it is not remembered.
    if (!ACTIVE_STATUSES.includes(record.status) && !record.outputs.POLISH) this.settled.set(id, record);
    return record;
  }

  /** The record when it exists and belongs to the tenant; otherwise null, alike for both. */
  async getOwned(id: string, tenant: string): Promise<EnhancementRecord | null> {
    const record = await this.get(id);
    return record && record.tenant === tenant ? record : null;
  }

  async status(id: string): Promise<EnhancementStatus | null> {
    return (await this.redis.hget(this.keys.record(id), 'status')) as EnhancementStatus | null;
  }

  /** Up to `limit` listed enhancements whose deadline has passed by `now` (ended ones included). */
  async overdue(now: number, limit: number): Promise<string[]> {
    return this.redis.zrangebyscore(this.keys.deadlines(), '-inf', now, 'LIMIT', 0, limit);
  }

  /** Takes enhancements off the deadline list (they ended, or were failed by the sweeper). */
  async forgetDeadlines(ids: string[]): Promise<void> {
    if (ids.length) await this.redis.zrem(this.keys.deadlines(), ...ids);
  }

  /**
   * The tenant's enhancements, newest first. `after` is the id of the last one of the previous
   * page; records that expired are dropped from the index as they are met.
   */
  async list(tenant: string, first: number, after: string | null): Promise<{ records: EnhancementRecord[]; hasNext: boolean }> {
    const index = this.keys.tenantIndex(tenant);
    let start = 0;
    if (after) {
      const rank = await this.redis.zrevrank(index, after);
      if (rank === null) return { records: [], hasNext: false };
      start = rank + 1;
    }
    const records: EnhancementRecord[] = [];
    let hasNext = false;
    while (records.length < first) {
      const ids = await this.redis.zrevrange(index, start, start + first - records.length);
      if (!ids.length) break;
      const page = ids.slice(0, first - records.length);
      const found = await Promise.all(page.map((id) => this.get(id)));
      const gone = page.filter((_, i) => !found[i]);
      if (gone.length) await this.redis.zrem(index, ...gone);
      records.push(...found.filter((r): r is EnhancementRecord => !!r));
      hasNext = ids.length > page.length;
      start += page.length - gone.length;
      if (!hasNext) break;
    }
    return { records, hasNext };
  }
}

function parseRecord(hash: Record<string, string>): EnhancementRecord {
  const meta = JSON.parse(hash.meta!) as Meta;
  const stages: Partial<Record<Stage, StageRun>> = {};
  const outputs: Partial<Record<Stage, unknown>> = {};
  for (const [field, value] of Object.entries(hash)) {
    if (field.startsWith('stage:')) stages[field.slice(6) as Stage] = JSON.parse(value) as StageRun;
    else if (field.startsWith('out:')) outputs[field.slice(4) as Stage] = JSON.parse(value);
  }
  return {
    id: meta.id,
    tenant: meta.tenant,
    status: hash.status as EnhancementStatus,
    requestedStages: meta.requestedStages,
    createdAt: meta.createdAt,
    completedAt: hash.completedAt ?? null,
    error: hash.error ? (JSON.parse(hash.error) as EnhancementError) : null,
    input: meta.input,
    stages,
    outputs: outputs as Partial<StageOutputs>,
  };
}
