/**
 * The LLM gateway: every model call of the pipeline goes through `complete`. It walks the stage's
 * chain (skipping models whose circuit is open or whose context window the prompt would not fit)
 * and, per model:
 *
 * - asks for structured output at the model's step of the format ladder (output-mode.ts), and
 *   steps it down when the server refuses or ignores that format;
 * - reads the reply tolerantly (read-reply.ts), then validates it strictly; an invalid reply is
 *   asked again once with what was wrong, then the next model is tried;
 * - never repeats a cut-off reply's request unchanged: the output budget is raised once, then the
 *   next model is tried;
 * - retries transient failures with backoff, each attempt timed from what is left of the stage;
 * - streams, feeding the live preview.
 *
 * When every model fails the local engine stands in. Each call returns its own report (who
 * answered, attempts, time, tokens, dollars); nothing is totalled here.
 */
import type { Redis } from 'ioredis';
import type { Config, EndpointConfig, ReasoningEffort } from '../config.js';
import { STAGES, type Stage } from '../domain/graph.js';
import { DEFAULT_BREAKER, type BreakerOptions, type CircuitState } from './breaker.js';
import { LOCAL, resolveChains, type ModelRef, type ProviderName, type ResolvedChain } from './chains.js';
import {
  AbortedError,
  AllModelsFailedError,
  describeError,
  FormatRefusedError,
  ProviderHttpError,
  ProviderIdleError,
  ProviderTimeoutError,
  spentOf,
} from './errors.js';
import { HealthRegistry, type ModelHealth } from './health.js';
import { toOpenAISchema } from './json-schema.js';
import { costOf, estimateTokens, fits, MODEL_TABLE, specFor, type ModelSpec, type ResolvedSpec } from './models.js';
import { attempt, parseReply } from './attempt.js';
import { OutputModes, schemaInPrompt, type OutputMode } from './output-mode.js';
import { PreviewFeed, previewText } from './preview.js';
import { GeminiProvider } from './providers/gemini.js';
import { LocalProvider } from './providers/local.js';
import { OpenAICompatibleProvider } from './providers/openai-compatible.js';
import type { ChatTurn, Provider, ProviderReply } from './providers/types.js';
import { describeIssues, readReply } from './read-reply.js';
import { abortableSleep, DEFAULT_BACKOFF, isRetryable, retryDelay } from './retry.js';
import type { CallReport, Completion, CompletionRequest, Gateway, Prompt, RetryNotice } from './types.js';

const NO_MESSAGES: Prompt = Object.freeze({ system: '', user: '' });

export type { CallReport, Completion, CompletionRequest, Gateway } from './types.js';
export { AbortedError, AllModelsFailedError } from './errors.js';
export type { CircuitState } from './breaker.js';
export type { OutputMode } from './output-mode.js';

/**
 * Output budget (max_tokens) per stage unless `IMAGINATOR_MAX_TOKENS_<STAGE>` says otherwise;
 * never more than the model's own output limit.
 */
export const DEFAULT_MAX_TOKENS: Readonly<Record<string, number>> = {
  ANALYSIS: 4_096,
  RESEARCH: 4_096,
  DRAFT: 2_048,
  STAR: 4_096,
  POLISH: 8_192,
  SUGGEST: 2_048,
  CRITIQUE: 2_048,
  COVER_LETTER: 2_048,
};

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
  /** How the model is asked for structured output now; null for the local engine. */
  outputMode: OutputMode | null;
}

export interface ModelGateway extends Gateway {
  /** The health registry as the `models` query shows it. */
  models(): ModelInfo[];
  /** Reads every model's output-format step from Redis (other processes may have stepped one down). */
  syncOutputModes(): Promise<void>;
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
  /** Per attempt at most, ms (default 120 s); less when the stage has less time left. */
  timeoutMs?: number;
  /** Attempts per model on transient failures before the next model of the chain (default 3). */
  maxAttempts?: number;
  /** A longer `Retry-After` moves on to the next model instead of waiting (default 30 s). */
  maxRetryAfterMs?: number;
  backoff?: { baseDelayMs?: number; maxDelayMs?: number };
  /** Prices and context windows by model (default: the one table in models.ts). */
  modelTable?: Readonly<Record<string, ModelSpec>>;
  /** Replace a provider (tests, custom transports). */
  providers?: Partial<Record<ProviderName, Provider>>;
  /** Where output-format steps are remembered for every process; without it, this process only. */
  redis?: Redis;
  /** How often a streaming preview is sent at most, ms (default 250). */
  previewIntervalMs?: number;
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
  specOf: (ref: ModelRef) => ResolvedSpec;
  modes: OutputModes;
  maxTokens: Record<string, number>;
  reasoningEffort: Record<string, ReasoningEffort>;
  idleMs: number;
  previewIntervalMs: number;
}

export function createGateway(config: Config, options: GatewayOptions = {}): ModelGateway {
  const now = options.now ?? Date.now;
  const table = options.modelTable ?? MODEL_TABLE;
  const endpoints = new Map(config.endpoints.map((e) => [e.name, e]));
  const settings: Settings = {
    now,
    sleep: options.sleep ?? abortableSleep,
    timeoutMs: options.timeoutMs ?? 120_000,
    maxAttempts: Math.max(1, options.maxAttempts ?? 3),
    maxRetryAfterMs: options.maxRetryAfterMs ?? 30_000,
    backoff: { ...DEFAULT_BACKOFF, ...options.backoff, random: options.random ?? Math.random },
    specOf: (ref) => {
      const endpoint = endpoints.get(ref.provider);
      return endpoint ? endpointSpec(endpoint) : specFor(ref.model, table);
    },
    modes: new OutputModes({ redis: options.redis, prefix: config.prefix, ttlSeconds: config.llm.outputModeTtlSeconds }),
    maxTokens: { ...DEFAULT_MAX_TOKENS, ...config.llm.maxTokens },
    reasoningEffort: config.llm.reasoningEffort,
    idleMs: config.llm.streamIdleMs,
    previewIntervalMs: options.previewIntervalMs ?? 250,
  };
  const chains = resolveChains(config);
  const health = new HealthRegistry({ ...DEFAULT_BREAKER, ...options.breaker }, now);
  const providers = makeProviders(config, options.providers ?? {}, now);
  const lifecycle: Lifecycle = { closed: false, inflight: new Set() };

  const complete = <T>(request: CompletionRequest<T>, signal?: AbortSignal): Promise<Completion<T>> =>
    run(request, signal, chains[request.stage], providers, health, settings, lifecycle);

  return {
    complete,
    models: () => listModels(chains, health, settings),
    syncOutputModes: () =>
      settings.modes.sync([...new Set(STAGES.flatMap((stage) => chains[stage].models.filter((m) => m !== LOCAL).map((m) => m.id)))]),
    fits: (stage, prompt) => {
      const models = chains[stage].models;
      if (models.every((ref) => ref.provider === 'local')) return true;
      const tokens = estimateTokens(prompt.system, prompt.user);
      return models.some((ref) => ref.provider !== 'local' && fits(tokens, settings.specOf(ref)));
    },
    chainOf: (stage) => chains[stage].models.map((m) => m.id).join(','),
    close: () => {
      lifecycle.closed = true;
      for (const controller of lifecycle.inflight) controller.abort();
    },
  };
}

/** A self-hosted server's models: priced at nothing, with the context window the endpoint declares. */
function endpointSpec(endpoint: EndpointConfig): ResolvedSpec {
  return {
    inputPerMTok: 0,
    outputPerMTok: 0,
    contextTokens: endpoint.contextTokens,
    maxOutputTokens: Math.min(8_192, Math.floor(endpoint.contextTokens / 2)),
    fixedTemperature: false,
    reasoning: false,
    perRequestUsd: 0,
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
      const endpoint = config.endpoints.find((e) => e.name === name);
      const { openRouter } = config.llm;
      if (name === 'openrouter') provider = new OpenAICompatibleProvider({ baseURL: openrouter.baseURL, keys: openrouter.keys, openRouter, now });
      else if (name === 'openai')
        provider = new OpenAICompatibleProvider({
          baseURL: openai.baseURL,
          keys: openai.key ? [openai.key] : [],
          openRouter: false,
          now,
          // api.openai.com's reasoning models refuse max_tokens; other servers know only max_tokens.
          budgetField: openai.custom ? 'max_tokens' : 'max_completion_tokens',
        });
      else if (name === 'gemini') provider = new GeminiProvider({ key: gemini.key ?? '', baseURL: gemini.baseURL });
      else if (endpoint) provider = new OpenAICompatibleProvider({ baseURL: endpoint.baseURL, keys: endpoint.key ? [endpoint.key] : [], openRouter: false, now });
      else provider = new LocalProvider();
      made.set(name, provider);
    }
    return provider;
  };
}

/** The system message for a mode that carries the schema in the prompt rather than on the wire. */
function withSchema(system: string, request: CompletionRequest<unknown>): string {
  const schema = JSON.stringify(toOpenAISchema(request.schema));
  return (
    `${system}\n\nAnswer with one JSON object and nothing else (no prose, no code fence). ` +
    `It must validate against this JSON Schema, named "${request.name}":\n${schema}`
  );
}

/** What the model is told after a reply that did not validate. */
function reAsk(problem: string): string {
  return (
    `Your reply could not be used:\n${problem}\n` +
    'Answer again with the whole corrected JSON object only, following the schema exactly.'
  );
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
  const feed = request.onPreview ? new PreviewFeed(request.onPreview, settings.previewIntervalMs) : null;
  const bill = (spec: ResolvedSpec, spent: { promptTokens: number; completionTokens: number; costUsd?: number }): void => {
    usage.promptTokens += spent.promptTokens;
    usage.completionTokens += spent.completionTokens;
    usage.costUsd += costOf(spec, spent);
  };
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
  const languageModelsFrom = (index: number): number => chain.models.slice(index).filter((m) => m.provider !== 'local').length;
  /** This attempt's share of the time left: the models still to try get theirs. */
  const timeoutFor = (index: number): number => {
    // The local engine is no remote call that could hang: the stage's own timeout governs it.
    if (request.deadlineAt === undefined || chain.models[index]?.provider === 'local') return settings.timeoutMs;
    const left = request.deadlineAt - Date.now() - 250; // a moment for the local engine
    return Math.max(1, Math.min(settings.timeoutMs, Math.floor(left / Math.max(1, languageModelsFrom(index)))));
  };
  const timeLeft = (): number => (request.deadlineAt === undefined ? Infinity : request.deadlineAt - Date.now());

  let promptTokens = -1;
  try {
    for (let index = 0; index < chain.models.length; index++) {
      const ref = chain.models[index];
      const spec = settings.specOf(ref);
      if (ref.provider !== 'local') {
        if (promptTokens < 0) promptTokens = estimateTokens(messagesFor(ref).system, messagesFor(ref).user);
        if (!fits(promptTokens, spec)) {
          notes.push(`${ref.id}: the prompt (~${promptTokens} tokens) does not fit its ${spec.contextTokens}-token context`);
          continue;
        }
        if (timeLeft() <= 500) {
          notes.push(`${ref.id}: no time left in the stage`);
          continue;
        }
      }
      const answer = await askModel(ref, spec, index);
      if (answer.ok) {
        // A chain that is `local` because no provider has a key is configuration, not a fallback:
        // the `models` query shows it, and the answer is as cacheable as any first choice.
        const note = index > 0 ? `answered by ${ref.id} after ${notes.join('; ')}` : undefined;
        return finish(ref, answer.output, note);
      }
    }

    // Every model failed or none fitted: the local engine stands in and the report says why.
    if (chain.models.includes(LOCAL)) throw new AllModelsFailedError(request.stage, notes);
    attempts++;
    feed?.restart();
    try {
      const reply = await attempt(providerFor('local'), { ...base, ...NO_MESSAGES, model: LOCAL.model }, signal, settings.timeoutMs, lifecycle.inflight);
      const output = parseReply(reply, request.schema);
      request.onPreview?.(previewText(output)); // the local engine writes all at once
      const note = notes.length ? `answered by the local engine: ${notes.join('; ')}` : undefined;
      return finish(LOCAL, output, note);
    } catch (error) {
      if (error instanceof AbortedError || aborted()) throw error instanceof AbortedError ? error : new AbortedError();
      notes.push(`local: ${describeError(error)}`);
      throw new AllModelsFailedError(request.stage, notes);
    }
  } finally {
    feed?.close();
  }

  /**
   * Every attempt on one model: transient failures with backoff, the format ladder, one re-ask,
   * one raised budget. Resolves `ok: false` (a note written, the next model told) when it gives up.
   */
  async function askModel(ref: ModelRef, spec: ResolvedSpec, index: number): Promise<{ ok: true; output: T } | { ok: false }> {
    const model = health.get(ref.id);
    const provider = providerFor(ref.provider);
    const local = ref.provider === 'local';
    const nextModel = chain.models[index + 1]?.id ?? LOCAL.id;
    let mode: OutputMode | undefined = local ? undefined : await settings.modes.get(ref.id);
    const ceiling = Math.max(16, spec.maxOutputTokens);
    let maxTokens = local ? undefined : Math.min(settings.maxTokens[request.stage] ?? 4_096, ceiling);
    let raisedBudget = false;
    let followUp: ChatTurn[] | undefined;
    let transient = 0;
    const retry = (notice: Omit<RetryNotice, 'failed'>): void => request.onRetry?.({ failed: ref.id, ...notice });
    const giveUp = (why: string): { ok: false } => {
      notes.push(`${ref.id}: ${why}`);
      retry({ kind: 'next-model', reason: why, next: nextModel, delayMs: 0 });
      return { ok: false };
    };
    const stepDown = async (why: string): Promise<boolean> => {
      if (!mode) return false;
      const lower = await settings.modes.stepDown(ref.id, mode);
      if (!lower) return false;
      retry({ kind: 'step-down', reason: `${why}; asking with ${lower}`, next: ref.id, delayMs: 0 });
      mode = lower;
      return true;
    };

    for (;;) {
      if (!model.breaker.tryAcquire()) {
        notes.push(`${ref.id}: circuit open, skipped`);
        return { ok: false };
      }
      attempts++;
      feed?.restart();
      const t0 = performance.now();
      const prompt = messagesFor(ref);
      let reply: ProviderReply;
      try {
        reply = await attempt(
          provider,
          {
            ...base,
            ...prompt,
            system: mode && schemaInPrompt(mode) ? withSchema(prompt.system, request as CompletionRequest<unknown>) : prompt.system,
            model: ref.model,
            mode,
            maxTokens,
            followUp,
            reasoningEffort: settings.reasoningEffort[request.stage],
            idleMs: settings.idleMs,
            onText: feed ? (text) => feed.push(text) : undefined,
          },
          signal,
          timeoutFor(index),
          lifecycle.inflight,
        );
      } catch (error) {
        if (error instanceof AbortedError || aborted()) {
          model.breaker.release();
          throw error instanceof AbortedError ? error : new AbortedError();
        }
        const spent = spentOf(error);
        if (spent) bill(spec, spent);
        // A server that refuses a format is up: it is asked the next way, with no mark against its health.
        if (error instanceof FormatRefusedError && (await stepDown(`refused the format (${describeError(error)})`))) {
          model.breaker.release();
          continue;
        }
        model.failure();
        const why = `${describeError(error)}${transient > 0 ? ` after ${transient + 1} attempts` : ''}`;
        if (model.circuit === 'OPEN') return giveUp(`${why}, circuit opened`);
        // A hung or silent model gets no second try while another model could still answer in time.
        const timedOut = error instanceof ProviderTimeoutError || error instanceof ProviderIdleError;
        if (timedOut && languageModelsFrom(index + 1) > 0) return giveUp(why);
        if (!isRetryable(error) || ++transient >= settings.maxAttempts) return giveUp(why);
        const wait = retryDelay(error, transient, settings.backoff);
        if (error instanceof ProviderHttpError && error.retryAfterMs !== undefined && wait > settings.maxRetryAfterMs) {
          return giveUp(`${describeError(error)}, asked to wait ${wait} ms`);
        }
        if (wait >= timeLeft()) return giveUp(`${why}; no time left to wait ${wait} ms`);
        retry({ kind: 'backoff', reason: describeError(error), next: ref.id, delayMs: wait });
        await settings.sleep(wait, signal);
        if (aborted()) throw new AbortedError();
        continue;
      }
      feed?.flush();
      bill(spec, reply);
      // The model answered: whether the answer can be used is decided below, and only a model that
      // cannot give one after its re-ask, larger budget or lower format counts as failing.
      model.breaker.release();

      // Cut off at the output limit: never the same request again.
      if (reply.truncated) {
        if (!raisedBudget && maxTokens !== undefined && maxTokens < ceiling) {
          raisedBudget = true;
          const before = maxTokens;
          maxTokens = Math.min(ceiling, maxTokens * 2);
          retry({ kind: 'budget', reason: `cut off at its ${before}-token output budget; asking with ${maxTokens}`, next: ref.id, delayMs: 0 });
          continue;
        }
        model.failure();
        return giveUp(`cut off at its ${maxTokens ?? 'output'}-token output budget`);
      }

      let value: unknown;
      if (typeof reply.content === 'string') {
        const read = readReply(reply.content);
        // Prose or a fence around the JSON, while a format was asked for: the server ignored it.
        const ignored = read.wrapped && mode !== undefined && mode !== 'PROMPT_ONLY';
        if (read.value === undefined) {
          if (ignored && (await stepDown(`ignored the format (${read.error})`))) continue;
          if (!followUp) {
            followUp = [{ role: 'assistant', content: reply.content.slice(0, 4_000) }, { role: 'user', content: reAsk(`- ${read.error}`) }];
            retry({ kind: 're-ask', reason: `${read.error}; asking again with what was wrong`, next: ref.id, delayMs: 0 });
            continue;
          }
          model.failure();
          return giveUp(read.error ?? 'no JSON in the reply');
        }
        if (ignored && mode) {
          const lower = await settings.modes.stepDown(ref.id, mode);
          if (lower) retry({ kind: 'remembered', reason: `wrote around the JSON it was asked for; next calls ask with ${lower}`, next: ref.id, delayMs: 0 });
        }
        value = read.value;
      } else {
        value = reply.content.object;
      }

      const result = request.schema.safeParse(value);
      if (result.success) {
        model.success(performance.now() - t0);
        if (local) request.onPreview?.(previewText(result.data)); // the local engine writes all at once
        return { ok: true, output: result.data };
      }
      const problem = describeIssues(result.error);
      if (!followUp && typeof reply.content === 'string') {
        followUp = [{ role: 'assistant', content: reply.content.slice(0, 8_000) }, { role: 'user', content: reAsk(problem) }];
        retry({ kind: 're-ask', reason: `the reply does not match the schema (${problem.replace(/\n/g, ' ')}); asking again`, next: ref.id, delayMs: 0 });
        continue;
      }
      model.failure();
      return giveUp(`the reply does not match the schema: ${problem.replace(/\n/g, ' ')}`);
    }
  }
}

function listModels(chains: Record<Stage, ResolvedChain>, health: HealthRegistry, settings: Settings): ModelInfo[] {
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
    const model: ModelHealth = health.get(ref.id);
    const spec = settings.specOf(ref);
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
      outputMode: local ? null : settings.modes.peek(ref.id),
    };
  });
}
