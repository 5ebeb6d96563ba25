import { Cluster, Redis, type RedisOptions } from 'ioredis';
import type { RedisTarget } from './config.js';

export type { Redis };

/** True for a connection `connectRedis` opened on a cluster. */
export function isCluster(redis: unknown): boolean {
  return redis instanceof Cluster;
}

/**
 * A Redis connection with the options every role needs. `blocking` is for BullMQ workers and
 * subscribers, which must never give up a command (BullMQ requires `maxRetriesPerRequest: null`).
 *
 * On a cluster it is an ioredis `Cluster`, typed as `Redis`: it answers the same commands, scripts
 * and pub/sub (every key of one command or script shares a hash tag: see src/store/keys.ts).
 */
export function connectRedis(target: RedisTarget | string, options: { name: string; blocking?: boolean } & RedisOptions): Redis {
  const { name, blocking, enableAutoPipelining, ...rest } = options;
  const redisOptions: RedisOptions = {
    connectionName: name,
    maxRetriesPerRequest: blocking ? null : 3,
    enableReadyCheck: true,
    // Reconnect forever with a capped delay: Redis restarts are survived, not fatal.
    retryStrategy: (times) => Math.min(50 * 2 ** Math.min(times, 6), 2_000),
    ...rest,
  };
  if (typeof target === 'string' || 'url' in target) {
    return new Redis(typeof target === 'string' ? target : target.url, { ...redisOptions, enableAutoPipelining });
  }
  const cluster = new Cluster(target.clusterNodes, {
    redisOptions,
    enableAutoPipelining,
    enableReadyCheck: true,
    // While a master fails over, commands wait and are retried on the replica that takes over.
    maxRedirections: 64,
    retryDelayOnFailover: 200,
    retryDelayOnClusterDown: 300,
    retryDelayOnTryAgain: 200,
    clusterRetryStrategy: (times) => Math.min(100 * 2 ** Math.min(times, 5), 2_000),
    slotsRefreshTimeout: 2_000,
    slotsRefreshInterval: 2_000,
  });
  return cluster as unknown as Redis;
}
