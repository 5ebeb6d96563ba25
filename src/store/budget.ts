import { randomUUID } from 'node:crypto';
import type { Redis } from 'ioredis';
import { luaScript } from './scripts/index.js';

interface BudgetClient extends Redis {
  imaginatorCharge(total: string, charges: string, chargeId: string, usd: string, ttlSeconds: number): Promise<number>;
}

const KEEP_SECONDS = 2 * 24 * 3600;

/** What a tenant spent on models per UTC day, in Redis so every worker sees the same total. */
export class DailyBudget {
  private readonly redis: BudgetClient;

  constructor(
    redis: Redis,
    private readonly prefix: string,
    /** US dollars per tenant per day. */
    readonly limitUsd: number,
  ) {
    if (!('imaginatorCharge' in redis)) redis.defineCommand('imaginatorCharge', { numberOfKeys: 2, lua: luaScript('budget-charge') });
    this.redis = redis as BudgetClient;
  }

  private key(tenant: string, now: Date): string {
    return `${this.prefix}:budget:{${tenant}}:${now.toISOString().slice(0, 10)}`;
  }

  async spent(tenant: string, now = new Date()): Promise<number> {
    return Number((await this.redis.get(this.key(tenant, now))) ?? 0);
  }

  async exceeded(tenant: string, now = new Date()): Promise<boolean> {
    return (await this.spent(tenant, now)) >= this.limitUsd;
  }

  /**
   * Charges `usd` once for `chargeId` (one stage run: enhancement, stage and when it started):
   * charging it again, as a job resumed after a crash does, adds nothing.
   */
  async charge(tenant: string, chargeId: string, usd: number, now = new Date()): Promise<void> {
    if (usd <= 0) return;
    const key = this.key(tenant, now);
    await this.redis.imaginatorCharge(key, `${key}:charged`, chargeId, String(usd), KEEP_SECONDS);
  }

  /** Adds `usd` to today's total (no charge id: every call adds). */
  spend(tenant: string, usd: number, now = new Date()): Promise<void> {
    return this.charge(tenant, randomUUID(), usd, now);
  }
}
