/**
 * The environment, read once into a typed, validated config. Every variable is documented
 * where it is declared here and listed in the README.
 */
import { z } from 'zod';

const int = (fallback: number) => z.coerce.number().int().positive().default(fallback);
/** The largest delay `setTimeout` holds (a larger one fires at once). */
export const MAX_TIMER_MS = 2 ** 31 - 1;
/** A duration in milliseconds that a timer can hold. */
const ms = (fallback: number) => z.coerce.number().int().positive().max(MAX_TIMER_MS).default(fallback);
const optionalString = z
  .string()
  .optional()
  .transform((value) => (value && value.trim() !== '' ? value.trim() : undefined));

const EnvSchema = z.object({
  NODE_ENV: z.string().default('development'),
  /** Redis for records, events, queue and cache. */
  REDIS_URL: z.string().default('redis://127.0.0.1:6379'),
  /** `host:port,…` seeds of a Redis Cluster: when set, every role uses the cluster and REDIS_URL is not read. */
  REDIS_CLUSTER_NODES: optionalString,
  /** Prefix of every Redis key and of the BullMQ queue; tests give each file its own. */
  IMAGINATOR_PREFIX: z.string().regex(/^[A-Za-z0-9_.-]+$/).default('imaginator'),
  PORT: z.coerce.number().int().min(0).max(65535).default(4000),
  HOST: z.string().default('127.0.0.1'),
  /** `tenant:key` pairs, comma-separated. Unset: no auth, one anonymous tenant, loopback only. */
  IMAGINATOR_API_KEYS: optionalString,
  /** Parallel jobs per worker process; stages spend their time waiting on models. */
  IMAGINATOR_WORKER_CONCURRENCY: int(50),
  /** How long records and event streams are kept after an enhancement ends. */
  IMAGINATOR_RETENTION_SECONDS: int(7 * 24 * 3600),
  IMAGINATOR_MAX_RESUME_CHARS: int(60_000),
  /** `tenant` (default): one tenant's inputs never answer another's. `shared`: all tenants share entries. */
  IMAGINATOR_CACHE_SCOPE: z.enum(['tenant', 'shared']).default('tenant'),
  IMAGINATOR_CACHE_TTL_SECONDS: int(7 * 24 * 3600),
  /** A stage that runs longer fails the enhancement with STAGE_TIMEOUT (completed stages stay readable). */
  IMAGINATOR_STAGE_TIMEOUT_MS: ms(180_000),
  /** An enhancement not done this long after it was accepted fails with DEADLINE_EXCEEDED. */
  IMAGINATOR_DEADLINE_MS: ms(15 * 60_000),
  /** On SIGTERM/SIGINT, running stages get this long to finish; the rest go back to the queue. */
  IMAGINATOR_SHUTDOWN_GRACE_MS: ms(25_000),
  /** Worker role only: serve /metrics and /healthz on this port (the API role serves them on PORT). */
  IMAGINATOR_METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  /** How long `runEnhancement` waits before it returns the record as it stands (status RUNNING). */
  IMAGINATOR_RUN_WAIT_MS: ms(120_000),
  IMAGINATOR_MAX_JOB_AD_CHARS: int(30_000),
  OPENROUTER_API_KEY_1: optionalString,
  OPENROUTER_API_KEY_2: optionalString,
  OPENROUTER_BASE_URL: z.string().default('https://openrouter.ai/api/v1'),
  OPENAI_API_KEY: optionalString,
  OPENAI_BASE_URL: z.string().default('https://api.openai.com/v1'),
  GOOGLE_API_KEY: optionalString,
  GOOGLE_BASE_URL: optionalString,
  IMAGINATOR_MODEL_ANALYSIS: optionalString,
  IMAGINATOR_MODEL_STAGE_1: optionalString,
  IMAGINATOR_MODEL_STAGE_2: optionalString,
  IMAGINATOR_MODEL_STAGE_3: optionalString,
  IMAGINATOR_MODEL_STAGE_4: optionalString,
  IMAGINATOR_MODEL_SUGGEST: optionalString,
  IMAGINATOR_MODEL_CRITIQUE: optionalString,
  /** Limits per API key. Unset: on with these defaults while auth is on, off while it is off. */
  IMAGINATOR_RATE_REQUESTS_PER_MINUTE: z.coerce.number().int().min(0).optional(),
  IMAGINATOR_RATE_ENHANCEMENTS_PER_MINUTE: z.coerce.number().int().min(0).optional(),
  /** US dollars a tenant may spend on models per UTC day; checked before each stage. */
  IMAGINATOR_DAILY_BUDGET_USD: z.coerce.number().min(0).optional(),
  /** Open WebSocket connections per key (per API process) and subscriptions per connection. */
  IMAGINATOR_WS_CONNECTIONS_PER_KEY: int(20),
  IMAGINATOR_WS_SUBSCRIPTIONS_PER_CONNECTION: int(25),
  /** Query limits: cost (fields weighted by their complexity), depth, aliases and parser tokens. */
  IMAGINATOR_MAX_QUERY_COMPLEXITY: int(1_000),
  IMAGINATOR_MAX_QUERY_DEPTH: int(10),
  IMAGINATOR_MAX_ALIASES: int(30),
  IMAGINATOR_MAX_QUERY_TOKENS: int(3_000),
  /** Operators' key for the queue dashboard at /admin/queues (Bull Board); unset: no dashboard. */
  IMAGINATOR_ADMIN_KEY: optionalString,
  /** Log level for pino: fatal, error, warn, info, debug, trace or silent. */
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

export type Env = z.infer<typeof EnvSchema>;

export interface Tenant {
  id: string;
}

export interface Config {
  env: string;
  production: boolean;
  redisUrl: string;
  /** Where every role connects: the cluster when REDIS_CLUSTER_NODES is set, else REDIS_URL. */
  redis: RedisTarget;
  prefix: string;
  port: number;
  host: string;
  /** tenant id by API key; null when auth is off (one anonymous tenant). */
  apiKeys: Map<string, string> | null;
  workerConcurrency: number;
  retentionSeconds: number;
  limits: { maxResumeChars: number; maxJobAdChars: number };
  cache: { scope: 'tenant' | 'shared'; ttlSeconds: number };
  runWaitMs: number;
  stageTimeoutMs: number;
  deadlineMs: number;
  shutdownGraceMs: number;
  metricsPort: number | null;
  providers: {
    openrouter: { keys: string[]; baseURL: string };
    openai: { key?: string; baseURL: string };
    gemini: { key?: string; baseURL?: string };
  };
  /** Raw model chains per stage as configured (comma-separated ids); the gateway parses them. */
  modelChains: {
    ANALYSIS?: string;
    RESEARCH?: string;
    DRAFT?: string;
    STAR?: string;
    POLISH?: string;
    SUGGEST?: string;
    CRITIQUE?: string;
  };
  logLevel: Env['LOG_LEVEL'];
  adminKey: string | null;
  /** null: that limit is off. */
  rateLimits: { requestsPerMinute: number | null; enhancementsPerMinute: number | null; dailyBudgetUsd: number | null };
  wsLimits: { connectionsPerKey: number; subscriptionsPerConnection: number };
  queryLimits: { maxComplexity: number; maxDepth: number; maxAliases: number; maxTokens: number };
}

/** Where Redis is: one server (`REDIS_URL`), or the seeds of a Redis Cluster (`REDIS_CLUSTER_NODES`). */
export type RedisTarget = { url: string } | { clusterNodes: Array<{ host: string; port: number }> };

/** `host:port,host:port` into cluster seeds. */
export function parseClusterNodes(raw: string): Array<{ host: string; port: number }> {
  return raw
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const match = /^\[?([^\]]+?)\]?:(\d{1,5})$/.exec(entry);
      if (!match || Number(match[2]) > 65535) throw new Error(`"${entry}" is not host:port`);
      return { host: match[1]!, port: Number(match[2]) };
    });
}

export class ConfigError extends Error {
  override name = 'ConfigError';
}

const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost|\[::1\])$/i;

export function isLoopback(host: string): boolean {
  return LOOPBACK.test(host);
}

function parseApiKeys(raw: string | undefined): Map<string, string> | null {
  if (!raw) return null;
  const keys = new Map<string, string>();
  for (const pair of raw.split(',').map((p) => p.trim()).filter(Boolean)) {
    const colon = pair.indexOf(':');
    const tenant = colon > 0 ? pair.slice(0, colon).trim() : '';
    const key = colon > 0 ? pair.slice(colon + 1).trim() : '';
    if (!tenant || !key) throw new ConfigError('IMAGINATOR_API_KEYS must be comma-separated tenant:key pairs');
    keys.set(key, tenant);
  }
  return keys.size ? keys : null;
}

export function loadConfig(source: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(source);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new ConfigError(`invalid configuration: ${issue?.path.join('.')}: ${issue?.message}`);
  }
  const env = parsed.data;
  const apiKeys = parseApiKeys(env.IMAGINATOR_API_KEYS);
  if (!apiKeys && !isLoopback(env.HOST)) {
    throw new ConfigError(
      `refusing to listen on ${env.HOST} without authentication: set IMAGINATOR_API_KEYS (tenant:key pairs) or use a loopback HOST`,
    );
  }
  let redis: RedisTarget = { url: env.REDIS_URL };
  if (env.REDIS_CLUSTER_NODES) {
    try {
      redis = { clusterNodes: parseClusterNodes(env.REDIS_CLUSTER_NODES) };
    } catch (error) {
      throw new ConfigError(`REDIS_CLUSTER_NODES must be comma-separated host:port seeds: ${(error as Error).message}`);
    }
    if (!redis.clusterNodes.length) throw new ConfigError('REDIS_CLUSTER_NODES names no host:port');
  }
  return {
    env: env.NODE_ENV,
    production: env.NODE_ENV === 'production',
    redisUrl: env.REDIS_URL,
    redis,
    prefix: env.IMAGINATOR_PREFIX,
    port: env.PORT,
    host: env.HOST,
    apiKeys,
    workerConcurrency: env.IMAGINATOR_WORKER_CONCURRENCY,
    retentionSeconds: env.IMAGINATOR_RETENTION_SECONDS,
    limits: { maxResumeChars: env.IMAGINATOR_MAX_RESUME_CHARS, maxJobAdChars: env.IMAGINATOR_MAX_JOB_AD_CHARS },
    cache: { scope: env.IMAGINATOR_CACHE_SCOPE, ttlSeconds: env.IMAGINATOR_CACHE_TTL_SECONDS },
    runWaitMs: env.IMAGINATOR_RUN_WAIT_MS,
    stageTimeoutMs: env.IMAGINATOR_STAGE_TIMEOUT_MS,
    deadlineMs: env.IMAGINATOR_DEADLINE_MS,
    shutdownGraceMs: env.IMAGINATOR_SHUTDOWN_GRACE_MS,
    metricsPort: env.IMAGINATOR_METRICS_PORT ?? null,
    providers: {
      openrouter: {
        keys: [env.OPENROUTER_API_KEY_1, env.OPENROUTER_API_KEY_2].filter((k): k is string => !!k),
        baseURL: env.OPENROUTER_BASE_URL,
      },
      openai: { key: env.OPENAI_API_KEY, baseURL: env.OPENAI_BASE_URL },
      gemini: { key: env.GOOGLE_API_KEY, baseURL: env.GOOGLE_BASE_URL },
    },
    modelChains: {
      ANALYSIS: env.IMAGINATOR_MODEL_ANALYSIS,
      RESEARCH: env.IMAGINATOR_MODEL_STAGE_1,
      DRAFT: env.IMAGINATOR_MODEL_STAGE_2,
      STAR: env.IMAGINATOR_MODEL_STAGE_3,
      POLISH: env.IMAGINATOR_MODEL_STAGE_4,
      SUGGEST: env.IMAGINATOR_MODEL_SUGGEST,
      CRITIQUE: env.IMAGINATOR_MODEL_CRITIQUE,
    },
    logLevel: env.LOG_LEVEL,
    adminKey: env.IMAGINATOR_ADMIN_KEY ?? null,
    rateLimits: {
      requestsPerMinute: env.IMAGINATOR_RATE_REQUESTS_PER_MINUTE ?? (apiKeys ? 600 : null),
      enhancementsPerMinute: env.IMAGINATOR_RATE_ENHANCEMENTS_PER_MINUTE ?? (apiKeys ? 60 : null),
      dailyBudgetUsd: env.IMAGINATOR_DAILY_BUDGET_USD ?? (apiKeys ? 50 : null),
    },
    wsLimits: {
      connectionsPerKey: env.IMAGINATOR_WS_CONNECTIONS_PER_KEY,
      subscriptionsPerConnection: env.IMAGINATOR_WS_SUBSCRIPTIONS_PER_CONNECTION,
    },
    queryLimits: {
      maxComplexity: env.IMAGINATOR_MAX_QUERY_COMPLEXITY,
      maxDepth: env.IMAGINATOR_MAX_QUERY_DEPTH,
      maxAliases: env.IMAGINATOR_MAX_ALIASES,
      maxTokens: env.IMAGINATOR_MAX_QUERY_TOKENS,
    },
  };
}
