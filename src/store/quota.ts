/**
 * Per-tenant storage quotas: how many enhancements a tenant keeps stored, and how many bytes its
 * records and event streams take in Redis (`MEMORY USAGE`, so checkpoints, outputs and events all
 * count). Checked before an enhancement is accepted; an enhancement already accepted is never cut
 * short. A tenant with few enhancements is measured on every check; one with more than
 * `CHEAP_TO_MEASURE` at most every `measureEveryMs` per process, so a burst of its starts within
 * that time can pass the quota by what those starts store.
 */
import type { Redis } from 'ioredis';
import type { Keys } from './keys.js';

export interface QuotaLimits {
  /** Enhancements a tenant may keep within the retention period; null: no limit. */
  maxEnhancements: number | null;
  /** Bytes of records and events a tenant may keep; null: no limit. */
  maxBytes: number | null;
}

const BATCH = 500;
/** Up to this many enhancements, measuring costs little enough to do on every check. */
const CHEAP_TO_MEASURE = 50;

export class StorageQuota {
  private readonly measured = new Map<string, { bytes: number; at: number }>();

  constructor(
    private readonly redis: Redis,
    private readonly keys: Keys,
    private readonly limits: QuotaLimits,
    private readonly retentionSeconds: number,
    private readonly measureEveryMs = 10_000,
  ) {}

  /** Why `tenant` may not store another enhancement now, or null when it may. */
  async refusal(tenant: string, now = Date.now()): Promise<string | null> {
    const { maxEnhancements, maxBytes } = this.limits;
    if (maxEnhancements === null && maxBytes === null) return null;
    const index = this.keys.tenantIndex(tenant);
    const since = now - this.retentionSeconds * 1000;
    const days = Math.round((this.retentionSeconds / 86_400) * 10) / 10;
    if (maxEnhancements !== null) {
      const stored = await this.redis.zcount(index, since, '+inf');
      if (stored >= maxEnhancements) {
        return `this API key keeps ${stored} enhancements, its quota is ${maxEnhancements}: older ones are deleted ${days} days after they end`;
      }
    }
    if (maxBytes !== null) {
      const bytes = await this.bytes(tenant, since, now);
      if (bytes >= maxBytes) {
        return `this API key's enhancements take ${bytes} bytes, its quota is ${maxBytes}: older ones are deleted ${days} days after they end`;
      }
    }
    return null;
  }

  /** Bytes of the tenant's stored records and event streams (measured, or as measured lately). */
  async bytes(tenant: string, since: number, now = Date.now()): Promise<number> {
    const known = this.measured.get(tenant);
    if (known && now - known.at < this.measureEveryMs) return known.bytes;
    const ids = await this.redis.zrangebyscore(this.keys.tenantIndex(tenant), since, '+inf');
    let bytes = 0;
    for (let i = 0; i < ids.length; i += BATCH) {
      const sizes = await Promise.all(
        ids.slice(i, i + BATCH).flatMap((id) => [this.keys.record(id), this.keys.events(id)].map((key) => this.redis.call('MEMORY', 'USAGE', key) as Promise<number | null>)),
      );
      for (const size of sizes) bytes += size ?? 0;
    }
    if (ids.length > CHEAP_TO_MEASURE) this.measured.set(tenant, { bytes, at: now });
    return bytes;
  }
}
