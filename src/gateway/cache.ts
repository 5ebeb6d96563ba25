/**
 * The stage cache, in front of any gateway: an answer is stored under a SHA-256 of the canonical
 * JSON (sorted keys) of exactly what the call sees — its wire name, data, prompt and the model chain
 * that would answer it — scoped by tenant unless configured shared. An in-process LRU sits in front
 * of Redis. A hit makes no model call and reports what the first answer cost as saved.
 */
import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { LRUCache } from 'lru-cache';
import type { Stage } from '../pipeline/graph.js';
import type { CallReport, Completion, CompletionRequest, Gateway } from './types.js';

export interface StageCacheOptions {
  redis: Redis;
  /** Key prefix: entries are `PREFIX:cache:SCOPE:STAGE:SHA256`. */
  prefix: string;
  ttlSeconds: number;
  /** Entries held in process memory. */
  lruEntries?: number;
  /** The chain each stage walks, as text: a new chain never reuses an old chain's answers. */
  chainOf: (stage: Stage) => string;
}

export interface CacheCounters {
  hit(stage: Stage, savedUsd: number): void;
  miss(stage: Stage): void;
}

interface Entry {
  output: unknown;
  report: CallReport;
}

/** JSON with object keys sorted at every depth, so equal data always hashes alike. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, inner: unknown) => {
    if (inner && typeof inner === 'object' && !Array.isArray(inner)) {
      return Object.fromEntries(Object.entries(inner as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    }
    return inner;
  });
}

export class StageCache {
  private readonly memory: LRUCache<string, Entry>;

  constructor(private readonly options: StageCacheOptions) {
    this.memory = new LRUCache({ max: options.lruEntries ?? 2_000, ttl: options.ttlSeconds * 1000 });
  }

  keyFor(request: CompletionRequest<unknown>, scope: string): string {
    const digest = createHash('sha256')
      .update(
        canonicalJson({
          name: request.name,
          data: request.data,
          prompt: request.prompt,
          temperature: request.temperature ?? null,
          chain: this.options.chainOf(request.stage),
        }),
      )
      .digest('hex');
    return `${this.options.prefix}:cache:${scope}:${request.stage}:${digest}`;
  }

  async get(key: string): Promise<Entry | null> {
    const remembered = this.memory.get(key);
    if (remembered) return remembered;
    const stored = await this.options.redis.get(key).catch(() => null);
    if (!stored) return null;
    const entry = JSON.parse(stored) as Entry;
    this.memory.set(key, entry);
    return entry;
  }

  async set(key: string, entry: Entry): Promise<void> {
    this.memory.set(key, entry);
    // A cache that cannot write is only slower: the answer itself is not lost.
    await this.options.redis.set(key, JSON.stringify(entry), 'EX', this.options.ttlSeconds).catch(() => undefined);
  }
}

/** Wraps a gateway with the stage cache; calls without a `cache` directive pass straight through. */
export function withStageCache<G extends Gateway>(inner: G, cache: StageCache, counters?: CacheCounters): G {
  const complete = async <T>(request: CompletionRequest<T>, signal?: AbortSignal): Promise<Completion<T>> => {
    if (!request.cache) return inner.complete(request, signal);
    const started = performance.now();
    const key = cache.keyFor(request as CompletionRequest<unknown>, request.cache.scope);
    if (!request.cache.bypass) {
      const entry = await cache.get(key);
      const parsed = entry ? request.schema.safeParse(entry.output) : null;
      if (entry && parsed?.success) {
        counters?.hit(request.stage, entry.report.costUsd);
        return {
          output: parsed.data,
          report: {
            ...entry.report,
            attempts: 0,
            durationMs: Math.round(performance.now() - started),
            promptTokens: 0,
            completionTokens: 0,
            costUsd: 0,
            cached: true,
            savedCostUsd: entry.report.costUsd,
          },
        };
      }
    }
    counters?.miss(request.stage);
    const fresh = await inner.complete(request, signal);
    // A fallback answer (a chain that ended on `local` after its models failed) is not what the
    // chain would answer next time: keep it out of the cache.
    if (!fresh.report.fallbackNote) await cache.set(key, { output: fresh.output, report: fresh.report });
    return fresh;
  };
  // Everything but `complete` (the model registry, close) is the inner gateway's own.
  return new Proxy(inner, {
    get(target, property) {
      if (property === 'complete') return complete;
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
