/**
 * The LLM gateway: every model call of the pipeline goes through `complete`. It walks the stage's
 * chain (skipping models whose circuit is open or whose context window the prompt would not fit),
 * retries each model with backoff on transient failures, validates the reply against the
 * request's schema, and falls back to the local engine when every model fails. Each call returns
 * its own report (who answered, attempts, time, tokens, dollars); nothing is totalled here.
 */
import type { Config } from '../config.js';
import { STAGES, type Stage } from '../domain/graph.js';
import { DEFAULT_BREAKER, type BreakerOptions, type CircuitState } from './breaker.js';
import { LOCAL, resolveChains, type ModelRef, type ProviderName, type ResolvedChain } from './chains.js';
import { AbortedError, AllModelsFailedError, describeError, ProviderHttpError } from './errors.js';
import { HealthRegistry } from './health.js';
import { costOf, estimateTokens, fits, MODEL_TABLE, specFor, type ModelSpec } from './models.js';
import { attempt, parseReply } from './attempt.js';
import { GeminiProvider } from './providers/gemini.js';
import { LocalProvider } from './providers/local.js';
import { OpenAICompatibleProvider } from './providers/openai-compatible.js';
import type { Provider } from './providers/types.js';
import { abortableSleep, DEFAULT_BACKOFF, isRetryable, retryDelay } from './retry.js';
import type { CallReport, Completion, CompletionRequest, Gateway, Prompt } from './types.js';

const NO_MESSAGES: Prompt = Object.freeze({ system: '', user: '' });

export type { CallReport, Completion, CompletionRequest, Gateway } from './types.js';
export { AbortedError, AllModelsFailedError } from './errors.js';
export type { CircuitState } from './breaker.js';

export interface ModelInfo {
  /** `provider/model`, as in `IMAGINATOR_MODEL_*` (`openrouter/deepseek/deepseek-v3.2:online`, `local`). */
  id: string;
  provider: ProviderName;
  /** The stages whose chain holds this model. */
  stages: Stage[];
  healthy: boolean;
  circuit: CircuitState;
  /** Share of recent attempts that succeeded; null before the first. */
  successRate: number | null;
  p50LatencyMs: number | null;
  consecutiveFailures: number;
  /** US dollars per million tokens; null when the price table does not know the model. */
  inputPricePerMTok: number | null;
  outputPricePerMTok: number | null;
  /** Tokens; null for the local engine (no limit). */
  contextLength: number | null;
}

export interface ModelGateway extends Gateway {
  /** The health registry as the `models` query shows it. */
  models(): ModelInfo[];
  /** The ids a stage's calls walk, in order, comma-separated (`local` when no provider has a key): a cache key part. */
  chainOf(stage: Stage): string;
  /** Aborts calls in flight; later calls fail with AbortedError. */
  close(): void;
}

export interface GatewayOptions {
  /** Clock for the circuit breakers and key benching (ms). Latencies always use the real clock. */
  now?: () => number;
  /** Waits between retries; inject to observe or skip them. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  /** Jitter source in [0, 1). */
  random?: () => number;
  breaker?: Partial<BreakerOptions>;
  /** Per attempt, ms (default 120 s). */
  timeoutMs?: number;
  /** Attempts per model before the next model of the chain (default 3). */
  maxAttempts?: number;
  /** A longer `Retry-After` moves on to the next model instead of waiting (default 30 s). */
  maxRetryAfterMs?: number;
  backoff?: { baseDelayMs?: number; maxDelayMs?: number };
  /** Prices and context windows by model (default: the one table in models.ts). */
  modelTable?: Readonly<Record<string, ModelSpec>>;
  /** Replace a provider (tests, custom transports). */
  providers?: Partial<Record<ProviderName, Provider>>;
}

interface Lifecycle {
  closed: boolean;
  inflight: Set<AbortController>;
}

interface Settings {
  now: () => number;
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
  timeoutMs: number;
  maxAttempts: number;
  maxRetryAfterMs: number;
  backoff: { baseDelayMs: number; maxDelayMs: number; random: () => number };
  table: Readonly<Record<string, ModelSpec>>;
}

export function createGateway(config: Config, options: GatewayOptions = {}): ModelGateway {
  const now = options.now ?? Date.now;
  const settings: Settings = {
    now,
    sleep: options.sleep ?? abortableSleep,
    timeoutMs: options.timeoutMs ?? 120_000,
    maxAttempts: Math.max(1, options.maxAttempts ?? 3),
    maxRetryAfterMs: options.maxRetryAfterMs ?? 30_000,
    backoff: { ...DEFAULT_BACKOFF, ...options.backoff, random: options.random ?? Math.random },
    table: options.modelTable ?? MODEL_TABLE,
  };
  const chains = resolveChains(config);
  const health = new HealthRegistry({ ...DEFAULT_BREAKER, ...options.breaker }, now);
  const providers = makeProviders(config, options.providers ?? {}, now);
  const lifecycle: Lifecycle = { closed: false, inflight: new Set() };

  const complete = <T>(request: CompletionRequest<T>, signal?: AbortSignal): Promise<Completion<T>> =>
    run(request, signal, chains[request.stage], providers, health, settings, lifecycle);

  return {
    complete,
    models: () => listModels(chains, health, settings.table),
    fits: (stage, prompt) => {
      const models = chains[stage].models;
      if (models.every((ref) => ref.provider === 'local')) return true;
      const tokens = estimateTokens(prompt.system, prompt.user);
      return models.some((ref) => ref.provider !== 'local' && fits(tokens, specFor(ref.model, settings.table)));
    },
    chainOf: (stage) => chains[stage].models.map((m) => m.id).join(','),
    close: () => {
      lifecycle.closed = true;
      for (const controller of lifecycle.inflight) controller.abort();
    },
  };
}

function makeProviders(
  config: Config,
  injected: Partial<Record<ProviderName, Provider>>,
  now: () => number,
): (name: ProviderName) => Provider {
  const made = new Map<ProviderName, Provider>(Object.entries(injected) as Array<[ProviderName, Provider]>);
  return (name) => {
    let provider = made.get(name);
    if (!provider) {
      const { openrouter, openai, gemini } = config.providers;
      if (name === 'openrouter') provider = new OpenAICompatibleProvider({ baseURL: openrouter.baseURL, keys: openrouter.keys, openRouter: true, now });
      else if (name === 'openai') provider = new OpenAICompatibleProvider({ baseURL: openai.baseURL, keys: openai.key ? [openai.key] : [], openRouter: false, now });
      else if (name === 'gemini') provider = new GeminiProvider({ key: gemini.key ?? '', baseURL: gemini.baseURL });
      else provider = new LocalProvider();
      made.set(name, provider);
    }
    return provider;
  };
}

async function run<T>(
  request: CompletionRequest<T>,
  signal: AbortSignal | undefined,
  chain: ResolvedChain,
  providerFor: (name: ProviderName) => Provider,
  health: HealthRegistry,
  settings: Settings,
  lifecycle: Lifecycle,
): Promise<Completion<T>> {
  const started = performance.now();
  const usage = { promptTokens: 0, completionTokens: 0, costUsd: 0 };
  const notes: string[] = [];
  let attempts = 0;
  const aborted = (): boolean => lifecycle.closed || !!signal?.aborted;
  if (aborted()) throw new AbortedError();

  const base = { name: request.name, temperature: request.temperature, schema: request.schema, data: request.data };
  let messages: Prompt | undefined;
  // Rendered once, and only for a language model: the local engine answers from `data`.
  const messagesFor = (ref: ModelRef): Prompt =>
    ref.provider === 'local' ? NO_MESSAGES : (messages ??= typeof request.prompt === 'function' ? request.prompt() : request.prompt);
  const finish = (ref: ModelRef, output: T, fallbackNote?: string): Completion<T> => {
    const report: CallReport = {
      provider: ref.provider,
      model: ref.model,
      attempts,
      durationMs: Math.round(performance.now() - started),
      promptTokens: usage.promptTokens,
      completionTokens: usage.completionTokens,
      costUsd: usage.costUsd,
    };
    if (fallbackNote) report.fallbackNote = fallbackNote;
    return { output, report };
  };

  let promptTokens = -1;
  for (let index = 0; index < chain.models.length; index++) {
    const ref = chain.models[index];
    const spec = specFor(ref.model, settings.table);
    if (ref.provider !== 'local') {
      if (promptTokens < 0) promptTokens = estimateTokens(messagesFor(ref).system, messagesFor(ref).user);
      if (!fits(promptTokens, spec)) {
        notes.push(`${ref.id}: the prompt (~${promptTokens} tokens) does not fit its ${spec.contextTokens}-token context`);
        continue;
      }
    }
    const model = health.get(ref.id);
    const provider = providerFor(ref.provider);
    for (let n = 1; n <= settings.maxAttempts; n++) {
      if (!model.breaker.tryAcquire()) {
        notes.push(`${ref.id}: circuit open, skipped`);
        break;
      }
      attempts++;
      const t0 = performance.now();
      try {
        const reply = await attempt(provider, { ...base, ...messagesFor(ref), model: ref.model }, signal, settings.timeoutMs, lifecycle.inflight);
        usage.promptTokens += reply.promptTokens;
        usage.completionTokens += reply.completionTokens;
        usage.costUsd += costOf(spec, reply);
        const output = parseReply(reply, request.schema);
        model.success(performance.now() - t0);
        // A chain that is `local` because no provider has a key is configuration, not a fallback:
        // the `models` query shows it, and the answer is as cacheable as any first choice.
        const note = index > 0 ? `answered by ${ref.id} after ${notes.join('; ')}` : undefined;
        return finish(ref, output, note);
      } catch (error) {
        if (error instanceof AbortedError || aborted()) {
          model.breaker.release();
          throw error instanceof AbortedError ? error : new AbortedError();
        }
        model.failure();
        const circuitOpened = model.circuit === 'OPEN';
        const nextModel = chain.models[index + 1]?.id ?? LOCAL.id;
        if (!isRetryable(error) || n === settings.maxAttempts || circuitOpened) {
          const why = `${describeError(error)}${n > 1 ? ` after ${n} attempts` : ''}`;
          notes.push(`${ref.id}: ${why}${circuitOpened ? ', circuit opened' : ''}`);
          request.onRetry?.({ failed: ref.id, reason: describeError(error), next: nextModel, delayMs: 0 });
          break;
        }
        const wait = retryDelay(error, n, settings.backoff);
        if (error instanceof ProviderHttpError && error.retryAfterMs !== undefined && wait > settings.maxRetryAfterMs) {
          notes.push(`${ref.id}: ${describeError(error)}, asked to wait ${wait} ms`);
          request.onRetry?.({ failed: ref.id, reason: describeError(error), next: nextModel, delayMs: 0 });
          break;
        }
        request.onRetry?.({ failed: ref.id, reason: describeError(error), next: ref.id, delayMs: wait });
        await settings.sleep(wait, signal);
        if (aborted()) throw new AbortedError();
      }
    }
  }

  // Every model failed or none fitted: the local engine stands in and the report says why.
  if (chain.models.includes(LOCAL)) throw new AllModelsFailedError(request.stage, notes);
  attempts++;
  try {
    const reply = await attempt(providerFor('local'), { ...base, ...NO_MESSAGES, model: LOCAL.model }, signal, settings.timeoutMs, lifecycle.inflight);
    const output = parseReply(reply, request.schema);
    const note = notes.length ? `answered by the local engine: ${notes.join('; ')}` : undefined;
    return finish(LOCAL, output, note);
  } catch (error) {
    if (error instanceof AbortedError || aborted()) throw error instanceof AbortedError ? error : new AbortedError();
    notes.push(`local: ${describeError(error)}`);
    throw new AllModelsFailedError(request.stage, notes);
  }
}

function listModels(chains: Record<Stage, ResolvedChain>, health: HealthRegistry, table: Readonly<Record<string, ModelSpec>>): ModelInfo[] {
  const byId = new Map<string, { ref: ModelRef; stages: Stage[] }>();
  const add = (ref: ModelRef, stage: Stage): void => {
    const entry = byId.get(ref.id) ?? { ref, stages: [] };
    if (!entry.stages.includes(stage)) entry.stages.push(stage);
    byId.set(ref.id, entry);
  };
  for (const stage of STAGES) {
    for (const ref of chains[stage].models) add(ref, stage);
    add(LOCAL, stage); // the last resort of every stage
  }
  return [...byId.values()].map(({ ref, stages }) => {
    const model = health.get(ref.id);
    const spec = specFor(ref.model, table);
    const local = ref.provider === 'local';
    return {
      id: ref.id,
      provider: ref.provider,
      stages,
      healthy: model.healthy,
      circuit: model.circuit,
      successRate: model.successRate,
      p50LatencyMs: model.p50LatencyMs,
      consecutiveFailures: model.consecutiveFailures,
      inputPricePerMTok: local ? 0 : spec.inputPerMTok,
      outputPricePerMTok: local ? 0 : spec.outputPerMTok,
      contextLength: local ? null : spec.contextTokens,
    };
  });
}
