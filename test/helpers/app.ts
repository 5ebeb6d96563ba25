import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, inject } from 'vitest';
import { startApp, type App, type Role } from '../../src/app.js';
import { loadConfig, parseClusterNodes, type Config } from '../../src/config.js';
import type { ModelGateway } from '../../src/gateway/index.js';
import { createLogger, type Logger } from '../../src/logger.js';
import { connectRedis, type Redis } from '../../src/redis.js';

export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Seeds of the Redis Cluster in the `cluster` test project (vitest.config.ts); null on one Redis. */
export const CLUSTER_NODES: string | null = (inject('clusterNodes') as string | undefined) ?? null;

/** How a process of the service finds Redis in this project: REDIS_URL, or REDIS_CLUSTER_NODES. */
export const REDIS_ENV: Record<string, string> = CLUSTER_NODES ? { REDIS_CLUSTER_NODES: CLUSTER_NODES } : { REDIS_URL };

/** A connection to this project's Redis (one server or the cluster). */
export function testRedis(name: string): Redis {
  return connectRedis(CLUSTER_NODES ? { clusterNodes: parseClusterNodes(CLUSTER_NODES) } : REDIS_URL, { name });
}

/** A key prefix (and so a BullMQ queue) no other test uses. */
export function uniquePrefix(label = 't'): string {
  return `imgtest-${label}-${randomBytes(5).toString('hex')}`;
}

export function testConfig(env: Record<string, string> = {}): Config {
  return loadConfig({
    ...REDIS_ENV,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    IMAGINATOR_PREFIX: uniquePrefix(),
    IMAGINATOR_WORKER_CONCURRENCY: '20',
    ...env,
  });
}

export async function startTestApp(options: { config?: Config; role?: Role; gateway?: ModelGateway; logger?: Logger } = {}): Promise<App> {
  const config = options.config ?? testConfig();
  return startApp({ config, role: options.role ?? 'all', logger: options.logger ?? createLogger('silent'), gateway: options.gateway });
}

/** Deletes every key under a prefix (test clean-up). */
export async function dropPrefix(prefix: string): Promise<void> {
  const redis = testRedis('test-cleanup');
  // On a cluster every master holds its share of the keys: scan each.
  const nodes = CLUSTER_NODES ? (redis as unknown as { nodes(role: 'master'): Redis[] }).nodes('master') : [redis];
  try {
    for (const node of nodes) {
      for (const pattern of [`${prefix}:*`, `{${prefix}:q}:*`]) {
        let cursor = '0';
        do {
          const [next, keys] = await node.scan(cursor, 'MATCH', pattern, 'COUNT', 1000);
          cursor = next;
          // One key per command: on a cluster the keys of one page sit in many slots.
          await Promise.all(keys.map((key) => redis.unlink(key)));
        } while (cursor !== '0');
      }
    }
  } finally {
    await redis.quit();
  }
}

/**
 * Starts an app for the test file (beforeAll) and stops it and deletes its keys (afterAll).
 * Read `.app` inside tests, once it has started.
 */
export function useTestApp(
  options: { env?: Record<string, string>; role?: Role; gateway?: (config: Config) => ModelGateway; logger?: () => Logger } = {},
): { readonly app: App; readonly config: Config } {
  const config = testConfig(options.env);
  let app: App | undefined;
  beforeAll(async () => {
    app = await startTestApp({ config, role: options.role, gateway: options.gateway?.(config), logger: options.logger?.() });
  });
  afterAll(async () => {
    await app?.close();
    await dropPrefix(config.prefix);
  });
  return {
    config,
    get app(): App {
      if (!app) throw new Error('the test app has not started yet (use it inside tests)');
      return app;
    },
  };
}
