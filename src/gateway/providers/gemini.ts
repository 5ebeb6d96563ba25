/**
 * Gemini through `@google/generative-ai` (the only file importing it), streaming. SDK timeouts are
 * not used; the gateway's signal ends the call. Thinking tokens are billed as output.
 */
import {
  GoogleGenerativeAI,
  GoogleGenerativeAIAbortError,
  GoogleGenerativeAIFetchError,
  GoogleGenerativeAIResponseError,
  type ResponseSchema,
} from '@google/generative-ai';
import {
  AbortedError,
  FormatRefusedError,
  InvalidReplyError,
  ModelStoppedError,
  namesOutputFormat,
  ProviderConnectionError,
  ProviderHttpError,
  ProviderIdleError,
  withSpent,
} from '../errors.js';
import { IdleWatch } from './idle.js';
import { toGeminiSchema } from '../json-schema.js';
import { specFor } from '../models.js';
import type { Provider, ProviderCall, ProviderReply } from './types.js';

export interface GeminiOptions {
  key: string;
  baseURL?: string;
}

/** Finish reasons that are the model's own refusal: a clear failure of that model, not invalid JSON. */
const STOPPED = new Set(['SAFETY', 'RECITATION', 'BLOCKLIST', 'PROHIBITED_CONTENT', 'SPII', 'LANGUAGE', 'IMAGE_SAFETY']);

/** Reasoning effort → Gemini 2.5 thinking budget (tokens). */
const THINKING_BUDGET = { minimal: 0, low: 1_024, medium: 4_096, high: 16_384 } as const;

export class GeminiProvider implements Provider {
  private readonly client: GoogleGenerativeAI;

  constructor(private readonly options: GeminiOptions) {
    this.client = new GoogleGenerativeAI(options.key);
  }

  async call(request: ProviderCall): Promise<ProviderReply> {
    const spec = specFor(request.model);
    const mode = request.mode ?? 'JSON_SCHEMA_STRICT';
    const generationConfig: Record<string, unknown> = {};
    // The ladder on Gemini's wire: a response schema, then JSON alone (schema in the prompt), then nothing.
    if (mode !== 'PROMPT_ONLY') generationConfig.responseMimeType = 'application/json';
    if (mode === 'JSON_SCHEMA_STRICT' || mode === 'JSON_SCHEMA') generationConfig.responseSchema = toGeminiSchema(request.schema) as unknown as ResponseSchema;
    if (request.temperature !== undefined && !spec.fixedTemperature) generationConfig.temperature = request.temperature;
    if (request.maxTokens !== undefined) generationConfig.maxOutputTokens = request.maxTokens;
    if (request.reasoningEffort && spec.reasoning) generationConfig.thinkingConfig = { thinkingBudget: THINKING_BUDGET[request.reasoningEffort] };
    const model = this.client.getGenerativeModel(
      { model: request.model, systemInstruction: request.system, generationConfig: generationConfig as never },
      this.options.baseURL ? { baseUrl: this.options.baseURL } : undefined,
    );
    const contents = [
      { role: 'user', parts: [{ text: request.user }] },
      ...(request.followUp ?? []).map((turn) => ({ role: turn.role === 'assistant' ? 'model' : 'user', parts: [{ text: turn.content }] })),
    ];
    const idle = new IdleWatch(request.idleMs);
    let text = '';
    let finishReason: string | undefined;
    let blocked: string | undefined;
    let usage: { promptTokenCount?: number; candidatesTokenCount?: number; thoughtsTokenCount?: number } | undefined;
    const spent = () =>
      usage ? { promptTokens: usage.promptTokenCount ?? 0, completionTokens: (usage.candidatesTokenCount ?? 0) + (usage.thoughtsTokenCount ?? 0) } : undefined;
    try {
      const result = await model.generateContentStream({ contents }, { signal: AbortSignal.any([request.signal, idle.signal]) });
      result.response.catch(() => undefined); // the aggregate is not used; its rejection is the stream's
      for await (const chunk of result.stream) {
        idle.touch();
        if (chunk.usageMetadata) usage = chunk.usageMetadata as typeof usage;
        if (chunk.promptFeedback?.blockReason) blocked = chunk.promptFeedback.blockReason;
        const candidate = chunk.candidates?.[0];
        if (!candidate) continue;
        if (candidate.finishReason) finishReason = candidate.finishReason;
        const piece = (candidate.content?.parts ?? []).map((part) => (part as { thought?: boolean }).thought ? '' : (part.text ?? '')).join('');
        if (piece) {
          text += piece;
          request.onText?.(text);
        }
      }
      if (request.signal.aborted || idle.fired) throw new AbortedError();
    } catch (error) {
      if (idle.fired && !request.signal.aborted) throw withSpent(new ProviderIdleError(request.idleMs ?? 0), spent());
      throw withSpent(mapError(error, request.signal), spent());
    } finally {
      idle.stop();
    }
    const reply = { promptTokens: spent()?.promptTokens ?? 0, completionTokens: spent()?.completionTokens ?? 0 };
    if (blocked) throw withSpent(new ModelStoppedError(`the prompt was blocked: ${blocked}`), spent());
    if (finishReason && STOPPED.has(finishReason)) throw withSpent(new ModelStoppedError(`the model stopped: ${finishReason}`), spent());
    if (finishReason === undefined && !text) throw new InvalidReplyError('no candidate');
    return { ...reply, content: text, truncated: finishReason === 'MAX_TOKENS' };
  }
}

function mapError(error: unknown, signal: AbortSignal): Error {
  if (signal.aborted || error instanceof GoogleGenerativeAIAbortError) return new AbortedError();
  if (error instanceof GoogleGenerativeAIFetchError && typeof error.status === 'number') {
    if (error.status === 400 && namesOutputFormat(error.message)) return new FormatRefusedError(error.message);
    return new ProviderHttpError(error.status, error.message, retryDelayOf(error.errorDetails));
  }
  if (error instanceof GoogleGenerativeAIResponseError) return new InvalidReplyError(error.message);
  if (error instanceof SyntaxError) return new InvalidReplyError(`the reply is not JSON: ${error.message}`);
  return new ProviderConnectionError(error instanceof Error ? error.message : String(error));
}

/** Google's RetryInfo detail (`retryDelay: "7s"`) stands in for a Retry-After header. */
function retryDelayOf(details: unknown): number | undefined {
  if (!Array.isArray(details)) return undefined;
  for (const detail of details) {
    const delay = (detail as { retryDelay?: unknown })?.retryDelay;
    if (typeof delay === 'string') {
      const match = /^(\d+(?:\.\d+)?)s$/.exec(delay);
      if (match) return Math.round(Number(match[1]) * 1000);
    }
  }
  return undefined;
}
