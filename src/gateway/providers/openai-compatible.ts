/**
 * OpenRouter and any OpenAI-compatible endpoint through the `openai` SDK. SDK retries are off;
 * the gateway owns retrying. With several keys (OpenRouter), a key that is refused (401/403),
 * out of credit (402) or rate-limited (429) is set aside for a while and the next key is tried
 * at once, inside the same attempt.
 */
import OpenAI, { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from 'openai';
import {
  AbortedError,
  InvalidReplyError,
  ProviderConnectionError,
  ProviderHttpError,
  ProviderTimeoutError,
} from '../errors.js';
import { toOpenAISchema } from '../json-schema.js';
import { specFor } from '../models.js';
import { parseRetryAfter } from '../retry.js';
import type { Provider, ProviderCall, ProviderReply } from './types.js';

export interface OpenAICompatibleOptions {
  baseURL: string;
  keys: string[];
  /** OpenRouter extras: ask for `usage.cost` in the reply. */
  openRouter: boolean;
  now: () => number;
  /** How long a refused key is set aside, ms. */
  keyBenchMs?: number;
}

const KEY_REFUSED = new Set([401, 402, 403, 429]);

export class OpenAICompatibleProvider implements Provider {
  private readonly clients: OpenAI[];
  private readonly benchedUntil: number[];

  constructor(private readonly options: OpenAICompatibleOptions) {
    if (!options.keys.length) throw new Error('an OpenAI-compatible provider needs at least one key');
    this.clients = options.keys.map(
      (apiKey) => new OpenAI({ apiKey, baseURL: options.baseURL, maxRetries: 0, timeout: 10 * 60_000 }),
    );
    this.benchedUntil = options.keys.map(() => 0);
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

  private async callWith(client: OpenAI, request: ProviderCall): Promise<ProviderReply> {
    const spec = specFor(request.model);
    const body: Record<string, unknown> = {
      model: request.model,
      messages: [
        { role: 'system', content: request.system },
        { role: 'user', content: request.user },
      ],
      response_format: {
        type: 'json_schema',
        json_schema: { name: request.name, strict: true, schema: toOpenAISchema(request.schema) },
      },
    };
    if (request.temperature !== undefined && !spec.fixedTemperature) body.temperature = request.temperature;
    if (this.options.openRouter) body.usage = { include: true };

    let completion: Record<string, any>;
    try {
      completion = (await client.chat.completions.create(body as never, {
        signal: request.signal,
        maxRetries: 0,
      })) as unknown as Record<string, any>;
    } catch (error) {
      throw mapError(error, request.signal);
    }
    return readCompletion(completion);
  }
}

function readCompletion(completion: Record<string, any>): ProviderReply {
  // OpenRouter may answer 200 with `{ error: { code, message } }`.
  if (completion?.error) throw errorBody(completion.error);
  const usage = completion?.usage ?? {};
  const reply = {
    promptTokens: num(usage.prompt_tokens),
    completionTokens: num(usage.completion_tokens),
    costUsd: typeof usage.cost === 'number' ? usage.cost : undefined,
  };
  const choice = completion?.choices?.[0];
  if (!choice) throw new InvalidReplyError('the reply has no choices');
  if (choice.error) throw errorBody(choice.error);
  const message = choice.message ?? {};
  if (message.refusal) throw new InvalidReplyError(`the model refused: ${String(message.refusal).slice(0, 120)}`);
  if (typeof message.content !== 'string') throw new InvalidReplyError('the reply has no content');
  return { ...reply, content: message.content, truncated: choice.finish_reason === 'length' };
}

function errorBody(error: { code?: unknown; message?: unknown }): ProviderHttpError {
  const code = typeof error.code === 'number' ? error.code : Number(error.code);
  const status = Number.isInteger(code) && code >= 400 && code < 600 ? code : 502;
  return new ProviderHttpError(status, `error in a 200 reply: ${String(error.message ?? 'unknown error')}`);
}

function num(value: unknown): number {
  return typeof value === 'number' && Number.isFinite(value) ? value : 0;
}

function mapError(error: unknown, signal: AbortSignal): Error {
  if (error instanceof APIUserAbortError || signal.aborted) return new AbortedError();
  if (error instanceof APIConnectionTimeoutError) return new ProviderTimeoutError(0);
  if (error instanceof APIConnectionError) return new ProviderConnectionError(error.message);
  if (error instanceof APIError && typeof error.status === 'number') {
    const headers = error.headers;
    const retryAfter = headers ? parseRetryAfter((name) => headers.get(name)) : undefined;
    return new ProviderHttpError(error.status, error.message, retryAfter);
  }
  if (error instanceof SyntaxError) return new InvalidReplyError(`the reply is not JSON: ${error.message}`);
  return new ProviderConnectionError(error instanceof Error ? error.message : String(error));
}
