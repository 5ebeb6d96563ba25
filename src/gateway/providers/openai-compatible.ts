/**
 * OpenRouter and any OpenAI-compatible endpoint (OpenAI, Ollama, vLLM, LM Studio, llama.cpp)
 * through the `openai` SDK, streaming (usage from the final chunk). SDK retries are off; the
 * gateway owns retrying and the output-format ladder. With several keys (OpenRouter), a key that is refused (401/403),
 * out of credit (402) or rate-limited (429) is set aside for a while and the next key is tried
 * at once, inside the same attempt.
 */
import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import {
  AbortedError,
  FormatRefusedError,
  GatewayError,
  InvalidReplyError,
  ModelStoppedError,
  namesOutputFormat,
  ProviderConnectionError,
  ProviderHttpError,
  ProviderIdleError,
  ProviderTimeoutError,
  withSpent,
} from '../errors.js';
import { IdleWatch } from './idle.js';
import { toOpenAISchema } from '../json-schema.js';
import { specFor } from '../models.js';
import { parseRetryAfter } from '../retry.js';
import type { Provider, ProviderCall, ProviderReply } from './types.js';

export interface OpenAICompatibleOptions {
  baseURL: string;
  /** None for a server that needs no key (Ollama, llama.cpp): no Authorization header is sent. */
  keys: string[];
  /** OpenRouter extras: `usage.cost` in the reply, provider routing, app attribution headers. */
  openRouter: boolean | OpenRouterExtras;
  now: () => number;
  /** How long a refused key is set aside, ms. */
  keyBenchMs?: number;
  /**
   * How the output budget is named on the wire: `max_tokens` (OpenRouter, vLLM, Ollama, llama.cpp)
   * or `max_completion_tokens` (OpenAI, where reasoning models refuse `max_tokens`).
   */
  budgetField?: 'max_tokens' | 'max_completion_tokens';
}

export interface OpenRouterExtras {
  /** `provider.require_parameters`: only providers that honour every parameter sent. */
  requireParameters: boolean;
  /** `provider.data_collection`: `deny` keeps prompts from providers that store or train on them. */
  dataCollection: 'deny' | 'allow';
  /** HTTP-Referer and X-Title. */
  appUrl: string;
  appTitle: string;
}

const KEY_REFUSED = new Set([401, 402, 403, 429]);

export class OpenAICompatibleProvider implements Provider {
  private readonly clients: OpenAI[];
  private readonly benchedUntil: number[];
  private readonly extras: OpenRouterExtras | null;

  constructor(private readonly options: OpenAICompatibleOptions) {
    const extras = options.openRouter;
    this.extras = extras === true ? { requireParameters: true, dataCollection: 'deny', appUrl: '', appTitle: '' } : extras || null;
    const headers: Record<string, string> = {};
    if (this.extras?.appUrl) headers['HTTP-Referer'] = this.extras.appUrl;
    if (this.extras?.appTitle) headers['X-Title'] = this.extras.appTitle;
    // A keyless server: the SDK wants a key, and the header it would make is taken off again.
    const keys = options.keys.length ? options.keys : [null];
    this.clients = keys.map(
      (apiKey) =>
        new OpenAI({
          apiKey: apiKey ?? 'none',
          baseURL: options.baseURL,
          maxRetries: 0,
          timeout: 10 * 60_000,
          defaultHeaders: { ...headers, ...(apiKey === null ? { Authorization: null } : {}) },
        }),
    );
    this.benchedUntil = keys.map(() => 0);
  }

  async call(request: ProviderCall): Promise<ProviderReply> {
    const now = this.options.now();
    const order = this.clients.map((_, i) => i);
    // Keys not set aside first, in configured order.
    order.sort((a, b) => Number(this.benchedUntil[a] > now) - Number(this.benchedUntil[b] > now) || a - b);
    let lastError: unknown;
    for (let n = 0; n < order.length; n++) {
      const index = order[n];
      try {
        const reply = await this.callWith(this.clients[index], request);
        this.benchedUntil[index] = 0;
        return reply;
      } catch (error) {
        lastError = error;
        const more = n < order.length - 1;
        if (!(error instanceof ProviderHttpError) || !KEY_REFUSED.has(error.status) || !more) throw error;
        const bench = error.status === 429 ? (error.retryAfterMs ?? 30_000) : (this.options.keyBenchMs ?? 10 * 60_000);
        this.benchedUntil[index] = this.options.now() + bench;
      }
    }
    throw lastError;
  }

  /** The request body: messages, the structured-output format of the mode, budget and knobs. */
  body(request: ProviderCall): Record<string, unknown> {
    const spec = specFor(request.model);
    const body: Record<string, unknown> = {
      model: request.model,
      messages: [
        { role: 'system', content: request.system },
        { role: 'user', content: request.user },
        ...(request.followUp ?? []),
      ],
    };
    const mode = request.mode ?? 'JSON_SCHEMA_STRICT';
    if (mode === 'JSON_SCHEMA_STRICT' || mode === 'JSON_SCHEMA') {
      body.response_format = {
        type: 'json_schema',
        json_schema: { name: request.name, strict: mode === 'JSON_SCHEMA_STRICT', schema: toOpenAISchema(request.schema) },
      };
    } else if (mode === 'JSON_OBJECT') {
      body.response_format = { type: 'json_object' };
    }
    if (request.temperature !== undefined && !spec.fixedTemperature) body.temperature = request.temperature;
    if (request.maxTokens !== undefined) body[this.options.budgetField ?? 'max_tokens'] = request.maxTokens;
    if (request.reasoningEffort && spec.reasoning) {
      if (this.extras) body.reasoning = { effort: request.reasoningEffort };
      else body.reasoning_effort = request.reasoningEffort;
    }
    if (this.extras) {
      body.usage = { include: true };
      body.provider = { require_parameters: this.extras.requireParameters, data_collection: this.extras.dataCollection };
    }
    body.stream = true;
    body.stream_options = { include_usage: true };
    return body;
  }

  private async callWith(client: OpenAI, request: ProviderCall): Promise<ProviderReply> {
    const idle = new IdleWatch(request.idleMs);
    const reply: ProviderReply = { content: '', promptTokens: 0, completionTokens: 0, truncated: false };
    let sawUsage = false;
    let content = '';
    let finish: string | null = null;
    let refusal = '';
    try {
      const stream = (await client.chat.completions.create(this.body(request) as never, {
        signal: AbortSignal.any([request.signal, idle.signal]),
        maxRetries: 0,
      })) as unknown as AsyncIterable<Record<string, any>>;
      for await (const chunk of stream) {
        idle.touch();
        // OpenRouter may send `{ error: { code, message } }` as a chunk (or as a whole 200 body).
        if (chunk?.error) throw errorBody(chunk.error);
        if (chunk?.usage) {
          sawUsage = true;
          reply.promptTokens = num(chunk.usage.prompt_tokens);
          reply.completionTokens = num(chunk.usage.completion_tokens);
          if (typeof chunk.usage.cost === 'number') reply.costUsd = chunk.usage.cost;
        }
        const choice = chunk?.choices?.[0];
        if (!choice) continue;
        if (choice.error) throw errorBody(choice.error);
        const delta = choice.delta ?? choice.message ?? {};
        if (typeof delta.refusal === 'string') refusal += delta.refusal;
        if (typeof delta.content === 'string' && delta.content) {
          content += delta.content;
          request.onText?.(content);
        }
        if (choice.finish_reason) finish = choice.finish_reason;
      }
      // The SDK ends a stream quietly when its signal aborts: a timeout, a cancel or the idle watch.
      if (request.signal.aborted || idle.fired) throw new AbortedError();
    } catch (error) {
      const spent = sawUsage ? { promptTokens: reply.promptTokens, completionTokens: reply.completionTokens, costUsd: reply.costUsd } : undefined;
      if (idle.fired && !request.signal.aborted) throw withSpent(new ProviderIdleError(request.idleMs ?? 0), spent);
      throw withSpent(mapError(error, request.signal), spent);
    } finally {
      idle.stop();
    }
    if (refusal) throw new ModelStoppedError(`the model refused: ${refusal.slice(0, 120)}`);
    if (finish === 'content_filter') throw new ModelStoppedError('the reply was stopped by a content filter');
    if (!content && finish === null) throw new InvalidReplyError('the reply has no choices');
    return { ...reply, content, truncated: finish === 'length' };
  }
}

function errorBody(error: { code?: unknown; message?: unknown }): GatewayError {
  const code = typeof error.code === 'number' ? error.code : Number(error.code);
  const status = Number.isInteger(code) && code >= 400 && code < 600 ? code : 502;
  const message = String(error.message ?? 'unknown error');
  if (status === 400 && namesOutputFormat(message)) return new FormatRefusedError(message);
  return new ProviderHttpError(status, `error in a 200 reply: ${message}`);
}

function num(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

function mapError(error: unknown, signal: AbortSignal): Error {
  if (error instanceof GatewayError) return error;
  if (error instanceof APIUserAbortError || signal.aborted) return new AbortedError();
  if (error instanceof APIConnectionTimeoutError) return new ProviderTimeoutError(0);
  if (error instanceof APIConnectionError) return new ProviderConnectionError(error.message);
  if (error instanceof APIError && typeof error.status === 'number') {
    const headers = error.headers;
    const retryAfter = headers ? parseRetryAfter((name) => headers.get(name)) : undefined;
    if (error.status === 400 && namesOutputFormat(error.message)) return new FormatRefusedError(error.message);
    return new ProviderHttpError(error.status, error.message, retryAfter);
  }
  // An error event inside the stream: the SDK raises it with no status.
  if (error instanceof APIError && error.error && typeof error.error === 'object') return errorBody(error.error as { code?: unknown; message?: unknown });
  if (error instanceof SyntaxError) return new InvalidReplyError(`the reply is not JSON: ${error.message}`);
  return new ProviderConnectionError(error instanceof Error ? error.message : String(error));
}
