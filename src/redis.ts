import { Redis, type RedisOptions } from 'ioredis';

export type { Redis };

/**
 * A Redis connection with the options every role needs. `blocking` is for BullMQ workers and
 * subscribers, which must never give up a command (BullMQ requires `maxRetriesPerRequest: null`).
 */
export function connectRedis(url: string, options: { name: string; blocking?: boolean } & RedisOptions): Redis {
  const { name, blocking, ...rest } = options;
  return new Redis(url, {
    connectionName: name,
    maxRetriesPerRequest: blocking ? null : 3,
    enableReadyCheck: true,
    // Reconnect forever with a capped delay: Redis restarts are survived, not fatal.
    retryStrategy: (times) => Math.min(50 * 2 ** Math.min(times, 6), 2_000),
    ...rest,
  });
}
