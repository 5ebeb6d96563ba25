import { randomBytes } from 'node:crypto';
import type { Redis } from 'ioredis';
import { luaScript } from './scripts/index.js';

interface LeaseClient extends Redis {
  imaginatorLease(key: string, token: string, ms: number): Promise<number>;
  imaginatorLeaseRelease(key: string, token: string): Promise<number>;
}

/** A lease in Redis that one process holds at a time, across every process (the sweeper's). */
export class Lease {
  private readonly redis: LeaseClient;
  readonly token = randomBytes(12).toString('base64url');

  constructor(
    redis: Redis,
    private readonly key: string,
    /** How long it lasts without renewal: a holder that died frees it after this. */
    private readonly ms: number,
  ) {
    if (!('imaginatorLease' in redis)) {
      redis.defineCommand('imaginatorLease', { numberOfKeys: 1, lua: luaScript('lease') });
      redis.defineCommand('imaginatorLeaseRelease', { numberOfKeys: 1, lua: luaScript('lease-release') });
    }
    this.redis = redis as LeaseClient;
  }

  /** Takes the lease, or renews it when this holder has it; false while another holds it. */
  async hold(): Promise<boolean> {
    return (await this.redis.imaginatorLease(this.key, this.token, this.ms)) === 1;
  }

  /** Gives the lease up (when this holder has it), for another to take at once. */
  async release(): Promise<void> {
    await this.redis.imaginatorLeaseRelease(this.key, this.token);
  }
}
