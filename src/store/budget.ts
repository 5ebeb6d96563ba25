import type { Redis } from 'ioredis';

/** What a tenant spent on models per UTC day, in Redis so every worker sees the same total. */
export class DailyBudget {
  constructor(
    private readonly redis: Redis,
    private readonly prefix: string,
    /** US dollars per tenant per day. */
    readonly limitUsd: number,
  ) {}

  private key(tenant: string, now: Date): string {
    return `${this.prefix}:budget:{${tenant}}:${now.toISOString().slice(0, 10)}`;
  }

  async spent(tenant: string, now = new Date()): Promise<number> {
    return Number((await this.redis.get(this.key(tenant, now))) ?? 0);
  }

  async exceeded(tenant: string, now = new Date()): Promise<boolean> {
    return (await this.spent(tenant, now)) >= this.limitUsd;
  }

  async spend(tenant: string, usd: number, now = new Date()): Promise<void> {
    if (usd <= 0) return;
    const key = this.key(tenant, now);
    await this.redis.multi().incrbyfloat(key, usd).expire(key, 2 * 24 * 3600).exec();
  }
}
