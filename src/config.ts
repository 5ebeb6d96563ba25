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
  /** `tenant:key` pairs, comma-separated. Unset: no auth, one anonymous tenant, loopback only. Set but empty: an error. */
  IMAGINATOR_API_KEYS: z.string().optional(),
  /** Parallel jobs per worker process; stages spend their time waiting on models. */
  IMAGINATOR_WORKER_CONCURRENCY: int(50),
  /** Enhancements one tenant may run at once per worker process (its others wait in the queue). Default: a fifth of the concurrency with auth on, all of it with auth off (one tenant). */
  IMAGINATOR_ENHANCEMENTS_PER_TENANT: z.coerce.number().int().positive().optional(),
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
  IMAGINATOR_MODEL_COVER_LETTER: optionalString,
  /** Limits per API key. Unset: on with these defaults while auth is on, off while it is off. */
  IMAGINATOR_RATE_REQUESTS_PER_MINUTE: z.coerce.number().int().min(0).optional(),
  IMAGINATOR_RATE_ENHANCEMENTS_PER_MINUTE: z.coerce.number().int().min(0).optional(),
  /** Wrong or missing API keys one client address may present per minute before it is refused for the rest of it. */
  IMAGINATOR_AUTH_FAILURES_PER_MINUTE: z.coerce.number().int().min(1).optional(),
  /** Storage quotas per tenant: enhancements kept, and bytes of their records and events in Redis. Default with auth: 10,000 and 256 MiB; off without. */
  IMAGINATOR_QUOTA_ENHANCEMENTS: z.coerce.number().int().min(1).optional(),
  IMAGINATOR_QUOTA_BYTES: z.coerce.number().int().min(1).optional(),
  /** US dollars a tenant may spend on models per UTC day; checked before each stage. */
  IMAGINATOR_DAILY_BUDGET_USD: z.coerce.number().min(0).optional(),
  /** Open WebSocket connections per key (per API process) and subscriptions per connection. */
  IMAGINATOR_WS_CONNECTIONS_PER_KEY: int(20),
  IMAGINATOR_WS_SUBSCRIPTIONS_PER_CONNECTION: int(25),
  /** Bytes that may wait unsent for one WebSocket client; past that it is closed (4400). */
  IMAGINATOR_WS_MAX_BUFFERED_BYTES: int(4 * 1024 * 1024),
  /** Origins (besides the server's own) whose pages may open WebSockets, comma-separated (`https://app.example.com`). */
  IMAGINATOR_ALLOWED_ORIGINS: optionalString,
  /** HTTP server timeouts (ms): the request's headers, the whole request, an idle keep-alive connection. */
  IMAGINATOR_HEADERS_TIMEOUT_MS: int(10_000),
  IMAGINATOR_REQUEST_TIMEOUT_MS: int(30_000),
  IMAGINATOR_KEEP_ALIVE_TIMEOUT_MS: int(5_000),
  /** A JSON request body nested deeper than this is refused (400) before it is parsed. */
  IMAGINATOR_MAX_JSON_DEPTH: int(64),
  /** Set: GET /metrics asks for this key (`Authorization: Bearer <key>`). Unset: /metrics is open. */
  IMAGINATOR_METRICS_KEY: optionalString,
  /** Query limits: cost (fields weighted by their complexity), depth, aliases and parser tokens. */
  IMAGINATOR_MAX_QUERY_COMPLEXITY: int(1_000),
  IMAGINATOR_MAX_QUERY_DEPTH: int(10),
  IMAGINATOR_MAX_ALIASES: int(30),
  IMAGINATOR_MAX_QUERY_TOKENS: int(3_000),
  /** Operators' key for the queue dashboard at /admin/queues (Bull Board); unset: no dashboard. */
  IMAGINATOR_ADMIN_KEY: optionalString,
  /** How long a model's step down the structured-output ladder is remembered (then the better format is tried again). */
  IMAGINATOR_OUTPUT_MODE_TTL_SECONDS: int(24 * 3600),
  /** A streaming reply that sends no token for this long fails that attempt at once. */
  IMAGINATOR_STREAM_IDLE_MS: int(30_000),
  /** OpenRouter's provider routing: only providers that honour every parameter sent (response_format, max_tokens). */
  IMAGINATOR_OPENROUTER_REQUIRE_PARAMETERS: z.enum(['true', 'false']).default('true'),
  /** OpenRouter's provider routing: `deny` keeps the resume (personal data) away from providers that store or train on prompts. */
  IMAGINATOR_OPENROUTER_DATA_COLLECTION: z.enum(['deny', 'allow']).default('deny'),
  /** Sent to OpenRouter as HTTP-Referer and X-Title (its app attribution). */
  IMAGINATOR_APP_URL: z.string().default('https://github.com/imaginator/imaginator'),
  IMAGINATOR_APP_TITLE: z.string().default('Imaginator'),
  /** Worker threads for CPU-heavy work (the local engine, the audit). Default: cores less one, at least 1. */
  IMAGINATOR_CPU_THREADS: z.coerce.number().int().positive().optional(),
  /** CPU tasks one tenant may have on those threads at once; its others wait in its own line. Default: half the threads, at least 1. */
  IMAGINATOR_CPU_TASKS_PER_TENANT: z.coerce.number().int().positive().optional(),
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
  /** Enhancements one tenant may run at once per worker process. */
  enhancementsPerTenant: number;
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
    /** `custom`: OPENAI_BASE_URL was set, so the provider is usable without a key (Ollama needs none). */
    openai: { key?: string; baseURL: string; custom?: boolean };
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
    COVER_LETTER?: string;
  };
  /**
   * Named OpenAI-compatible endpoints (`IMAGINATOR_ENDPOINT_<NAME>=URL`, `_KEY` optional,
   * `_CONTEXT` the models' context window in tokens): their models are `<name>/<model>` in chains.
   */
  endpoints: EndpointConfig[];
  /** Per-stage knobs of model calls (`IMAGINATOR_MAX_TOKENS_<STAGE>`, `IMAGINATOR_REASONING_EFFORT_<STAGE>`). */
  llm: LlmConfig;
  logLevel: Env['LOG_LEVEL'];
  adminKey: string | null;
  /** null: that limit is off. */
  rateLimits: { requestsPerMinute: number | null; enhancementsPerMinute: number | null; dailyBudgetUsd: number | null; authFailuresPerMinute: number | null };
  /** null: that quota is off. */
  quotas: { maxEnhancements: number | null; maxBytes: number | null };
  wsLimits: { connectionsPerKey: number; subscriptionsPerConnection: number; maxBufferedBytes: number };
  /** Origins allowed to open WebSockets besides the server's own. */
  allowedOrigins: string[];
  http: { headersTimeoutMs: number; requestTimeoutMs: number; keepAliveTimeoutMs: number; maxJsonDepth: number };
  metricsKey: string | null;
  queryLimits: { maxComplexity: number; maxDepth: number; maxAliases: number; maxTokens: number };
  /** The worker-thread pool; undefined: sized to the machine. */
  cpu: { threads?: number; perTenant?: number };
}

export interface EndpointConfig {
  /** Lower case, as in chains (`ollama` for IMAGINATOR_ENDPOINT_OLLAMA). */
  name: string;
  baseURL: string;
  key?: string;
  /** Context window of its models, tokens (IMAGINATOR_ENDPOINT_<NAME>_CONTEXT; default 8192). */
  contextTokens: number;
}

export type ReasoningEffort = 'minimal' | 'low' | 'medium' | 'high';

export interface LlmConfig {
  /** Output budget (max_tokens) per stage name (upper case); stages not listed use the gateway's defaults. */
  maxTokens: Record<string, number>;
  /** Reasoning effort per stage, sent to models that take it; unset: the model's default. */
  reasoningEffort: Record<string, ReasoningEffort>;
  outputModeTtlSeconds: number;
  streamIdleMs: number;
  openRouter: { requireParameters: boolean; dataCollection: 'deny' | 'allow'; appUrl: string; appTitle: string };
}

const STAGE_KNOB = /^IMAGINATOR_(MAX_TOKENS|REASONING_EFFORT)_([A-Z_]+)$/;
const ENDPOINT = /^IMAGINATOR_ENDPOINT_([A-Z0-9_]+)$/;
const EFFORTS: readonly string[] = ['minimal', 'low', 'medium', 'high'];

/** `IMAGINATOR_ENDPOINT_<NAME>` (+ `_KEY`, `_CONTEXT`): every named endpoint the environment declares. */
function parseEndpoints(source: NodeJS.ProcessEnv): EndpointConfig[] {
  const endpoints: EndpointConfig[] = [];
  for (const [variable, raw] of Object.entries(source)) {
    const match = ENDPOINT.exec(variable);
    const url = raw?.trim();
    if (!match || !url) continue;
    const upper = match[1]!;
    // `FOO_KEY` / `FOO_CONTEXT` belong to endpoint FOO when FOO is declared.
    const owner = /^(.+)_(KEY|CONTEXT)$/.exec(upper);
    if (owner && source[`IMAGINATOR_ENDPOINT_${owner[1]}`]?.trim()) continue;
    const name = upper.toLowerCase();
    if (['openrouter', 'openai', 'gemini', 'local'].includes(name)) {
      throw new ConfigError(`IMAGINATOR_ENDPOINT_${upper}: "${name}" is a built-in provider's name`);
    }
    if (!/^https?:\/\//.test(url)) throw new ConfigError(`IMAGINATOR_ENDPOINT_${upper} must be an http(s) URL`);
    const context = source[`IMAGINATOR_ENDPOINT_${upper}_CONTEXT`]?.trim();
    const contextTokens = context ? Number(context) : 8_192;
    if (!Number.isInteger(contextTokens) || contextTokens < 512) {
      throw new ConfigError(`IMAGINATOR_ENDPOINT_${upper}_CONTEXT must be a whole number of tokens (at least 512)`);
    }
    const key = source[`IMAGINATOR_ENDPOINT_${upper}_KEY`]?.trim();
    endpoints.push({ name, baseURL: url, ...(key ? { key } : {}), contextTokens });
  }
  return endpoints.sort((a, b) => a.name.localeCompare(b.name));
}

/** `IMAGINATOR_MAX_TOKENS_<STAGE>` and `IMAGINATOR_REASONING_EFFORT_<STAGE>`. */
function parseStageKnobs(source: NodeJS.ProcessEnv): Pick<LlmConfig, 'maxTokens' | 'reasoningEffort'> {
  const maxTokens: Record<string, number> = {};
  const reasoningEffort: Record<string, ReasoningEffort> = {};
  for (const [variable, raw] of Object.entries(source)) {
    const match = STAGE_KNOB.exec(variable);
    const value = raw?.trim();
    if (!match || !value) continue;
    const stage = match[2]!;
    if (match[1] === 'MAX_TOKENS') {
      const tokens = Number(value);
      if (!Number.isInteger(tokens) || tokens < 16) throw new ConfigError(`${variable} must be a whole number of tokens (at least 16)`);
      maxTokens[stage] = tokens;
    } else {
      if (!EFFORTS.includes(value)) throw new ConfigError(`${variable} must be one of ${EFFORTS.join(', ')}`);
      reasoningEffort[stage] = value as ReasoningEffort;
    }
  }
  return { maxTokens, reasoningEffort };
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
  if (raw === undefined) return null;
  const keys = new Map<string, string>();
  for (const pair of raw.split(',').map((p) => p.trim()).filter(Boolean)) {
    const colon = pair.indexOf(':');
    const tenant = colon > 0 ? pair.slice(0, colon).trim() : '';
    const key = colon > 0 ? pair.slice(colon + 1).trim() : '';
    if (!tenant || !key) throw new ConfigError('IMAGINATOR_API_KEYS must be comma-separated tenant:key pairs');
    keys.set(key, tenant);
  }
  // Set but holding no pair (`,`, ` , `): a mistake, never a reason to turn auth off.
  if (!keys.size) throw new ConfigError('IMAGINATOR_API_KEYS is set but holds no tenant:key pair; unset it to run without auth (loopback only)');
  return keys;
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
    enhancementsPerTenant:
      env.IMAGINATOR_ENHANCEMENTS_PER_TENANT ?? (apiKeys ? Math.max(1, Math.ceil(env.IMAGINATOR_WORKER_CONCURRENCY / 5)) : env.IMAGINATOR_WORKER_CONCURRENCY),
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
      // A base URL of its own (Ollama, vLLM) is usable without a key.
      openai: { key: env.OPENAI_API_KEY, baseURL: env.OPENAI_BASE_URL, custom: source.OPENAI_BASE_URL?.trim() ? true : false },
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
      COVER_LETTER: env.IMAGINATOR_MODEL_COVER_LETTER,
    },
    endpoints: parseEndpoints(source),
    llm: {
      ...parseStageKnobs(source),
      outputModeTtlSeconds: env.IMAGINATOR_OUTPUT_MODE_TTL_SECONDS,
      streamIdleMs: env.IMAGINATOR_STREAM_IDLE_MS,
      openRouter: {
        requireParameters: env.IMAGINATOR_OPENROUTER_REQUIRE_PARAMETERS === 'true',
        dataCollection: env.IMAGINATOR_OPENROUTER_DATA_COLLECTION,
        appUrl: env.IMAGINATOR_APP_URL,
        appTitle: env.IMAGINATOR_APP_TITLE,
      },
    },
    logLevel: env.LOG_LEVEL,
    adminKey: env.IMAGINATOR_ADMIN_KEY ?? null,
    rateLimits: {
      requestsPerMinute: env.IMAGINATOR_RATE_REQUESTS_PER_MINUTE ?? (apiKeys ? 600 : null),
      enhancementsPerMinute: env.IMAGINATOR_RATE_ENHANCEMENTS_PER_MINUTE ?? (apiKeys ? 60 : null),
      dailyBudgetUsd: env.IMAGINATOR_DAILY_BUDGET_USD ?? (apiKeys ? 50 : null),
      // No keys, nothing to guess.
      authFailuresPerMinute: apiKeys ? (env.IMAGINATOR_AUTH_FAILURES_PER_MINUTE ?? 30) : null,
    },
    quotas: {
      maxEnhancements: env.IMAGINATOR_QUOTA_ENHANCEMENTS ?? (apiKeys ? 10_000 : null),
      maxBytes: env.IMAGINATOR_QUOTA_BYTES ?? (apiKeys ? 256 * 1024 * 1024 : null),
    },
    wsLimits: {
      connectionsPerKey: env.IMAGINATOR_WS_CONNECTIONS_PER_KEY,
      subscriptionsPerConnection: env.IMAGINATOR_WS_SUBSCRIPTIONS_PER_CONNECTION,
      maxBufferedBytes: env.IMAGINATOR_WS_MAX_BUFFERED_BYTES,
    },
    allowedOrigins: (env.IMAGINATOR_ALLOWED_ORIGINS ?? '').split(',').map((o) => o.trim()).filter(Boolean),
    http: {
      headersTimeoutMs: env.IMAGINATOR_HEADERS_TIMEOUT_MS,
      requestTimeoutMs: env.IMAGINATOR_REQUEST_TIMEOUT_MS,
      keepAliveTimeoutMs: env.IMAGINATOR_KEEP_ALIVE_TIMEOUT_MS,
      maxJsonDepth: env.IMAGINATOR_MAX_JSON_DEPTH,
    },
    metricsKey: env.IMAGINATOR_METRICS_KEY ?? null,
    queryLimits: {
      maxComplexity: env.IMAGINATOR_MAX_QUERY_COMPLEXITY,
      maxDepth: env.IMAGINATOR_MAX_QUERY_DEPTH,
      maxAliases: env.IMAGINATOR_MAX_ALIASES,
      maxTokens: env.IMAGINATOR_MAX_QUERY_TOKENS,
    },
    cpu: { threads: env.IMAGINATOR_CPU_THREADS, perTenant: env.IMAGINATOR_CPU_TASKS_PER_TENANT },
  };
}
