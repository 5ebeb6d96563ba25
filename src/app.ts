/**
 * Composes a process: the API role, the worker role, or both, on one Redis.
 */
import { createServer, type Server } from 'node:http';
import type { Config } from './config.js';
import { RateLimits } from './api/limits.js';
import { configureCpuPool } from './cpu/index.js';
import { startApiServer, type ApiServer } from './api/server.js';
import { EventHub } from './events/hub.js';
import { PreviewPublisher } from './events/previews.js';
import { StageCache, withStageCache } from './gateway/cache.js';
import { createGateway, type ModelGateway } from './gateway/index.js';
import type { Logger } from './logger.js';
import { Metrics } from './metrics.js';
import { EnhancementQueue } from './queue/index.js';
import { connectRedis, type Redis } from './redis.js';
import { buildImaginatorSchema } from './schema/index.js';
import { ImportService } from './services/import-service.js';
import { DailyBudget } from './store/budget.js';
import { StorageQuota } from './store/quota.js';
import { EnhancementService } from './services/enhancement-service.js';
import { EnhancementStore } from './store/enhancement-store.js';
import { startDeadlineSweeper } from '../workers/deadline-sweeper.js';
import { startEnhancementWorker, type EnhancementWorker } from '../workers/enhancement-worker.js';

export type Role = 'all' | 'api' | 'worker';

export interface AppOptions {
  config: Config;
  role: Role;
  logger: Logger;
  /** Replaces the gateway built from the config (tests, benchmarks). */
  gateway?: ModelGateway;
  /** Worker lock duration (tests of crash recovery shorten it). */
  lockDurationMs?: number;
}

export interface App {
  api: ApiServer | null;
  worker: EnhancementWorker | null;
  store: EnhancementStore;
  queue: EnhancementQueue;
  hub: EventHub;
  gateway: ModelGateway;
  metrics: Metrics;
  redis: Redis;
  /** Stops accepting, drains connections, gives running stages `graceMs` to finish, closes Redis. */
  close(graceMs?: number): Promise<void>;
}

export async function startApp({ config, role, logger, gateway: injected, lockDurationMs }: AppOptions): Promise<App> {
  // The API fails a command fast while Redis is away; the worker waits for Redis to come back.
  // Auto-pipelining: commands issued in the same tick leave in one write (bench/throughput: one
  // syscall per command was an eighth of the worker's time). Order and replies are unchanged.
  const redis = connectRedis(config.redis, { name: `imaginator-${role}`, enableAutoPipelining: true });
  const workerRedis =
    role === 'api' ? null : connectRedis(config.redis, { name: `imaginator-${role}-worker`, blocking: true, enableAutoPipelining: true });
  const subscriber = connectRedis(config.redis, { name: `imaginator-${role}-sub`, blocking: true });
  const bullConnection = connectRedis(config.redis, { name: `imaginator-${role}-queue`, blocking: true });
  const connections = [redis, workerRedis, subscriber, bullConnection].filter((c): c is Redis => c !== null);
  for (const connection of connections) {
    connection.on('error', (error: Error) => logger.warn({ err: error.message, connection: connection.options?.connectionName }, 'redis connection error'));
  }
  const metrics = new Metrics();
  // One pool of worker threads per process, for the local engine and the audit (API and worker alike).
  const cpu = configureCpuPool(config.cpu);
  // A worker's stages have time limits: its threads are warm before it takes a job. (The API's
  // start on first use: warming them would slow its start-up for an audit that may never come.)
  if (role !== 'api') await cpu.warm();
  const store = new EnhancementStore(redis, config.prefix, config.retentionSeconds);
  const hub = new EventHub(subscriber);
  const models = injected ?? createGateway(config, { redis });
  const cache = new StageCache({ redis, prefix: config.prefix, ttlSeconds: config.cache.ttlSeconds, chainOf: (stage) => models.chainOf(stage) });
  const gateway = withStageCache(models, cache, {
    hit: (stage, saved) => {
      metrics.cacheHits.inc({ stage });
      metrics.cacheSaved.inc({ stage }, saved);
    },
    miss: (stage) => metrics.cacheMisses.inc({ stage }),
  });
  const queue = new EnhancementQueue(bullConnection, store.keys.queuePrefix());
  metrics.labelledGauge('imaginator_queue_jobs', 'Jobs in the queue by state', 'state', async () => {
    const counts = await queue.queue.getJobCounts('waiting', 'prioritized', 'active', 'delayed', 'failed');
    return { waiting: (counts.waiting ?? 0) + (counts.prioritized ?? 0), active: counts.active ?? 0, delayed: counts.delayed ?? 0, failed: counts.failed ?? 0 };
  });
  metrics.gauge('imaginator_open_subscriptions', 'GraphQL subscriptions open on this process', () => hub.listenersOn(store.keys.channelPrefix()));

  const worker = workerRedis
    ? await startEnhancementWorker({
        connection: bullConnection,
        store: new EnhancementStore(workerRedis, config.prefix, config.retentionSeconds),
        gateway,
        hub,
        concurrency: config.workerConcurrency,
        perTenant: config.enhancementsPerTenant,
        sharedCacheScope: config.cache.scope === 'shared' ? 'shared' : undefined,
        stageTimeoutMs: config.stageTimeoutMs,
        deadlineMs: config.deadlineMs,
        lockDurationMs,
        logger,
        previews: new PreviewPublisher(workerRedis, config.prefix),
        budget: config.rateLimits.dailyBudgetUsd === null ? undefined : new DailyBudget(workerRedis, config.prefix, config.rateLimits.dailyBudgetUsd),
        observe: (stage, outcome, durationMs, calls) => {
          logger.debug({ stage, outcome, durationMs, providers: calls.map((c) => c.provider) }, 'stage ended');
          metrics.stageDuration.observe({ stage, outcome }, durationMs / 1000);
          for (const call of calls) {
            const labels = { provider: call.provider, model: call.model };
            metrics.llmCalls.inc({ ...labels, outcome: call.cached ? 'cached' : call.fallbackNote ? 'fallback' : 'ok' });
            metrics.llmTokens.inc({ ...labels, kind: 'prompt' }, call.promptTokens);
            metrics.llmTokens.inc({ ...labels, kind: 'completion' }, call.completionTokens);
            metrics.llmCost.inc(labels, call.costUsd);
          }
        },
      })
    : null;
  const imports = new ImportService({ maxResumeChars: config.limits.maxResumeChars });
  const rateLimits = new RateLimits(redis, config.prefix, config.rateLimits);
  const budget = config.rateLimits.dailyBudgetUsd === null ? null : new DailyBudget(redis, config.prefix, config.rateLimits.dailyBudgetUsd);
  const quota =
    config.quotas.maxEnhancements === null && config.quotas.maxBytes === null ? null : new StorageQuota(redis, store.keys, config.quotas, config.retentionSeconds);
  const api =
    role === 'worker'
      ? null
      : await startApiServer({
          schema: await buildImaginatorSchema(),
          services: {
            config,
            redis,
            store,
            queue,
            hub,
            enhancements: new EnhancementService({
              redis,
              store,
              queue,
              hub,
              rateLimits,
              budget,
              quota,
              runWaitMs: config.runWaitMs,
              deadlineMs: config.deadlineMs,
              idempotencySeconds: config.retentionSeconds + Math.ceil(config.deadlineMs / 1000),
            }),
            modelRegistry: gateway,
            imports,
            cpu,
            quota,
            rateLimits,
            budget,
          },
          metrics,
          logger,
          port: config.port,
          host: config.host,
        });
  // Every process sweeps (one at a time): records past their deadline end even when no worker lives.
  const sweeper = startDeadlineSweeper({
    store,
    queue,
    deadlineMs: config.deadlineMs,
    intervalMs: Math.min(30_000, Math.max(200, Math.round(config.deadlineMs / 4))),
    logger,
  });
  const metricsServer = role === 'worker' && config.metricsPort !== null ? await serveMetrics(metrics, config.metricsPort, config.host, logger) : null;
  if (api) logger.info({ url: api.url }, 'api listening');
  if (worker) logger.info({ concurrency: config.workerConcurrency }, 'worker consuming');

  return {
    api,
    worker,
    store,
    queue,
    hub,
    gateway,
    metrics,
    redis,
    async close(graceMs = 0) {
      sweeper.close();
      await api?.close();
      await imports.close();
      await worker?.close(graceMs);
      metricsServer?.close();
      await queue.close();
      if (!injected) models.close();
      await Promise.all(connections.map((c) => c.quit().catch(() => c.disconnect())));
    },
  };
}

/** A worker-only process's /metrics and /healthz. */
function serveMetrics(metrics: Metrics, port: number, host: string, logger: Logger): Promise<Server> {
  const server = createServer((req, res) => {
    if (req.url === '/metrics') {
      metrics.registry.metrics().then(
        (text) => {
          res.writeHead(200, { 'content-type': metrics.registry.contentType });
          res.end(text);
        },
        (error: unknown) => {
          // A gauge could not be read (Redis away): told, answered 503, never an unhandled rejection.
          logger.warn({ err: error instanceof Error ? error.message : String(error) }, 'metrics collection failed');
          res.writeHead(503, { 'content-type': 'text/plain' }).end('metrics unavailable\n');
        },
      );
    } else if (req.url === '/healthz') {
      res.writeHead(200, { 'content-type': 'application/json' }).end('{"status":"ok"}');
    } else {
      res.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(port, host, () => resolve(server)));
}
