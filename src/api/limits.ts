import type { Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import type { Config } from '../config.js';
import { codedError } from '../schema/errors.js';

/**
 * Per-key rate limits, counted in Redis so they hold across every API instance. A limit set to
 * null is off.
 */
export class RateLimits {
  private readonly requests: RateLimiterRedis | null;
  private readonly enhancements: RateLimiterRedis | null;

  constructor(redis: Redis, prefix: string, limits: Config['rateLimits']) {
    const limiter = (name: string, perMinute: number | null) =>
      perMinute === null ? null : new RateLimiterRedis({ storeClient: redis, keyPrefix: `${prefix}:rl:${name}`, points: perMinute, duration: 60 });
    this.requests = limiter('req', limits.requestsPerMinute);
    this.enhancements = limiter('enh', limits.enhancementsPerMinute);
  }

  /** One GraphQL request over HTTP. */
  request(tenant: string): Promise<void> {
    return consume(this.requests, tenant, 'requests');
  }

  /** One enhancement started (startEnhancement or runEnhancement). */
  enhancement(tenant: string): Promise<void> {
    return consume(this.enhancements, tenant, 'started enhancements');
  }
}

async function consume(limiter: RateLimiterRedis | null, tenant: string, what: string): Promise<void> {
  if (!limiter) return;
  try {
    await limiter.consume(tenant);
  } catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) throw rejection; // Redis itself failed
    const retryAfterSeconds = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
    throw codedError('RATE_LIMITED', `too many ${what} for this API key: retry in ${retryAfterSeconds} s`, {
      retryAfterSeconds,
      http: { status: 429, headers: new Map([['retry-after', String(retryAfterSeconds)]]) },
    });
  }
}
