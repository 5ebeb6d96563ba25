import type { Redis } from 'ioredis';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { codedError } from '../schema/errors.js';

/**
 * Wrong keys per client address, counted in Redis across API instances. An address that has
 * presented `perMinute` wrong keys within a minute is refused (RATE_LIMITED, HTTP 429; 4403 over
 * WebSocket) until the minute is over, whatever key it sends next: keys cannot be guessed at speed.
 * The address is the socket's peer; behind a proxy that is the proxy's, so set the limit to match.
 */
export class FailedAuthLimits {
  private readonly limiter: RateLimiterRedis | null;

  constructor(redis: Redis, prefix: string, private readonly perMinute: number | null) {
    this.limiter = perMinute === null ? null : new RateLimiterRedis({ storeClient: redis, keyPrefix: `${prefix}:rl:authfail`, points: perMinute, duration: 60 });
  }

  /** Seconds until `address` may try again; 0 when it may now. */
  async blockedFor(address: string | undefined): Promise<number> {
    if (!this.limiter || !address) return 0;
    const state = await this.limiter.get(address);
    return state && state.consumedPoints >= this.perMinute! ? Math.max(1, Math.ceil(state.msBeforeNext / 1000)) : 0;
  }

  /** Throws RATE_LIMITED while `address` is blocked. */
  async assertAllowed(address: string | undefined): Promise<void> {
    const seconds = await this.blockedFor(address);
    if (seconds) {
      throw codedError('RATE_LIMITED', `too many wrong API keys from this address: retry in ${seconds} s`, {
        retryAfterSeconds: seconds,
        http: { status: 429, headers: new Map([['retry-after', String(seconds)]]) },
      });
    }
  }

  /** Counts one wrong or missing key from `address`. */
  async failed(address: string | undefined): Promise<void> {
    if (!this.limiter || !address) return;
    await this.limiter.consume(address).catch((rejection: unknown) => {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
    });
  }
}
