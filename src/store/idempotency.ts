import type { Redis } from 'ioredis';
import type { Keys } from './keys.js';
import { luaScript } from './scripts/index.js';

export type Reservation =
  /** The key is the caller's: create enhancement `id`, then `settle` it. */
  | { outcome: 'reserved'; id: string }
  /** The key was used with another input. */
  | { outcome: 'conflict'; id: string }
  /** The same input's enhancement: stored (`created`) or still being stored (`pending`). */
  | { outcome: 'created' | 'pending'; id: string };

interface IdempotencyClient extends Redis {
  imaginatorIdemReserve(key: string, fingerprint: string, id: string, leaseMs: number, lost: string): Promise<[Reservation['outcome'], string]>;
  imaginatorIdemSettle(key: string, id: string, how: 'created' | 'free', ttlSeconds: number): Promise<number>;
}

/**
 * Idempotency keys: one per tenant and key, holding the fingerprint of the request that took it and
 * the id of its enhancement. A reservation lasts `leaseMs` until its enhancement is stored, so a
 * holder that died frees it by itself; once stored it lasts as long as the record.
 */
export class IdempotencyKeys {
  private readonly redis: IdempotencyClient;

  constructor(
    redis: Redis,
    private readonly keys: Keys,
    private readonly retentionSeconds: number,
    /** How long a reservation may wait for its enhancement to be stored. */
    readonly leaseMs = 10_000,
  ) {
    if (!('imaginatorIdemReserve' in redis)) {
      redis.defineCommand('imaginatorIdemReserve', { numberOfKeys: 1, lua: luaScript('idempotency-reserve') });
      redis.defineCommand('imaginatorIdemSettle', { numberOfKeys: 1, lua: luaScript('idempotency-settle') });
    }
    this.redis = redis as IdempotencyClient;
  }

  /** `lost`: an id this key named whose record is gone; it is replaced by `id`. */
  async reserve(tenant: string, key: string, fingerprint: string, id: string, lost = ''): Promise<Reservation> {
    const [outcome, held] = await this.redis.imaginatorIdemReserve(this.keys.idempotency(tenant, key), fingerprint, id, this.leaseMs, lost);
    return { outcome, id: held } as Reservation;
  }

  /** The enhancement is stored: the key now lives as long as its record. */
  async created(tenant: string, key: string, id: string): Promise<void> {
    await this.redis.imaginatorIdemSettle(this.keys.idempotency(tenant, key), id, 'created', this.retentionSeconds);
  }

  /** The request was refused before anything was stored: the key is free again. */
  async free(tenant: string, key: string, id: string): Promise<void> {
    await this.redis.imaginatorIdemSettle(this.keys.idempotency(tenant, key), id, 'free', 0);
  }
}
