/**
 * Composes a process: the API role, the worker role, or both, on one Redis.
 */
import type { Config } from './config.js';
import { startApiServer, type ApiServer } from './api/server.js';
import { EventHub } from './events/hub.js';
import { StageCache, withStageCache } from './gateway/cache.js';
import { createGateway, type ModelGateway } from './gateway/index.js';
import type { Logger } from './logger.js';
import { EnhancementQueue } from './queue/index.js';
import { connectRedis, type Redis } from './redis.js';
import { buildImaginatorSchema } from './schema/index.js';
import { EnhancementStore } from './store/enhancement-store.js';
import { startEnhancementWorker, type EnhancementWorker } from '../workers/enhancement-worker.js';

export type Role = 'all' | 'api' | 'worker';

export interface AppOptions {
  config: Config;
  role: Role;
  logger: Logger;
  /** Replaces the gateway built from the config (tests, benchmarks). */
  gateway?: ModelGateway;
}

export interface App {
  api: ApiServer | null;
  worker: EnhancementWorker | null;
  store: EnhancementStore;
  hub: EventHub;
  gateway: ModelGateway;
  redis: Redis;
  close(): Promise<void>;
}

export async function startApp({ config, role, logger, gateway: injected }: AppOptions): Promise<App> {
  const redis = connectRedis(config.redisUrl, { name: `imaginator-${role}` });
  const subscriber = connectRedis(config.redisUrl, { name: `imaginator-${role}-sub`, blocking: true });
  const bullConnection = connectRedis(config.redisUrl, { name: `imaginator-${role}-queue`, blocking: true });
  for (const connection of [redis, subscriber, bullConnection]) {
    connection.on('error', (error) => logger.warn({ err: error.message }, 'redis connection error'));
  }
  const store = new EnhancementStore(redis, config.prefix, config.retentionSeconds);
  const hub = new EventHub(subscriber);
  const models = injected ?? createGateway(config);
  const cache = new StageCache({ redis, prefix: config.prefix, ttlSeconds: config.cache.ttlSeconds, chainOf: (stage) => models.chainOf(stage) });
  const gateway = withStageCache(models, cache);
  const queue = new EnhancementQueue(bullConnection, store.keys.queuePrefix());

  const worker =
    role === 'api'
      ? null
      : await startEnhancementWorker({
          connection: bullConnection,
          store,
          gateway,
          hub,
          concurrency: config.workerConcurrency,
          sharedCacheScope: config.cache.scope === 'shared' ? 'shared' : undefined,
        });
  const api =
    role === 'worker'
      ? null
      : await startApiServer({
          schema: await buildImaginatorSchema(),
          services: { config, redis, store, queue, hub, modelRegistry: gateway },
          port: config.port,
          host: config.host,
        });
  if (api) logger.info({ url: api.url }, 'api listening');
  if (worker) logger.info({ concurrency: config.workerConcurrency }, 'worker consuming');

  return {
    api,
    worker,
    store,
    hub,
    gateway,
    redis,
    async close() {
      await api?.close();
      await worker?.close();
      await queue.close();
      if (!injected) gateway.close();
      await Promise.all([redis.quit(), subscriber.quit(), bullConnection.quit()].map((p) => p.catch(() => undefined)));
    },
  };
}
