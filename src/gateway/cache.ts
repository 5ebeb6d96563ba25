/**
 * The stage cache, in front of any gateway: an answer is stored under a SHA-256 of the canonical
 * JSON (sorted keys) of exactly what the call sees — its wire name, data, prompt and the model chain
 * that would answer it — scoped by tenant unless configured shared. An in-process LRU sits in front
 * of Redis. A hit makes no model call and reports what the first answer cost as saved.
 */
import { createHash } from 'node:crypto';
import type { Redis } from 'ioredis';
import { LRUCache } from 'lru-cache';
import type { Stage } from '../domain/graph.js';
import { previewText } from './preview.js';
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

/**
 * JSON with object keys sorted at every depth, so equal data always hashes alike.
 *
 * The same text as `JSON.stringify(value, sortKeys)` where `sortKeys` rebuilds every non-array
 * object from its entries sorted by key (the first form of this function), but the native
 * stringify runs without a replacer: a replacer is called back for every value, and that made
 * this the stage cache's largest cost (bench/throughput). Objects whose keys are already in order
 * are used as they are; the others are rebuilt from sorted entries, as before (so integer-like
 * keys still come first, in numeric order).
 */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortedCopy(value, ''));
}

const byKey = (a: [string, unknown], b: [string, unknown]): number => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

/** `value` with toJSON applied and object keys sorted at every depth; `value` itself when nothing changes. */
function sortedCopy(value: unknown, key: string): unknown {
  if (value === null || (typeof value !== 'object' && typeof value !== 'bigint')) return value;
  if (typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    value = (value as { toJSON(key: string): unknown }).toJSON(key);
    if (value === null || typeof value !== 'object') return value;
  }
  if (typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    let copy: unknown[] | null = null;
    for (let i = 0; i < value.length; i++) {
      const inner: unknown = value[i];
      const sorted = sortedCopy(inner, String(i));
      if (sorted !== inner && !copy) copy = value.slice(0, i);
      copy?.push(sorted);
    }
    return copy ?? value;
  }
  const entries = Object.entries(value as Record<string, unknown>);
  let changed = false;
  for (let i = 0; i < entries.length; i++) {
    const entry = entries[i]!;
    const sorted = sortedCopy(entry[1], entry[0]);
    if (sorted !== entry[1]) {
      entry[1] = sorted;
      changed = true;
    }
    if (i > 0 && !changed && !(entries[i - 1]![0] < entry[0])) changed = true;
  }
  // Unchanged, the object lists its keys in sorted order: it serializes as its sorted rebuild would.
  return changed || Object.getPrototypeOf(value) !== Object.prototype ? Object.fromEntries(entries.sort(byKey)) : value;
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
          // The user message is rendered from `data`; the prompt's wording is named by its version.
          prompt: request.promptVersion ?? (typeof request.prompt === 'function' ? null : request.prompt.system),
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
        // Nothing is written live on a hit: the preview gets the final text once.
        request.onPreview?.(previewText(parsed.data));
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
