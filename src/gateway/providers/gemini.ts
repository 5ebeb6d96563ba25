/** Gemini through `@google/generative-ai` (the only file importing it). SDK timeouts are not used; the gateway's signal ends the call. */
import {
  GoogleGenerativeAI,
  GoogleGenerativeAIAbortError,
  GoogleGenerativeAIFetchError,
  GoogleGenerativeAIResponseError,
  type ResponseSchema,
} from '@google/generative-ai';
import {
  AbortedError,
  InvalidReplyError,
  ProviderConnectionError,
  ProviderHttpError,
} from '../errors.js';
import { toGeminiSchema } from '../json-schema.js';
import { specFor } from '../models.js';
import type { Provider, ProviderCall, ProviderReply } from './types.js';

export interface GeminiOptions {
  key: string;
  baseURL?: string;
}

export class GeminiProvider implements Provider {
  private readonly client: GoogleGenerativeAI;

  constructor(private readonly options: GeminiOptions) {
    this.client = new GoogleGenerativeAI(options.key);
  }

  async call(request: ProviderCall): Promise<ProviderReply> {
    const spec = specFor(request.model);
    const model = this.client.getGenerativeModel(
      {
        model: request.model,
        systemInstruction: request.system,
        generationConfig: {
          responseMimeType: 'application/json',
          responseSchema: toGeminiSchema(request.schema) as unknown as ResponseSchema,
          ...(request.temperature !== undefined && !spec.fixedTemperature ? { temperature: request.temperature } : {}),
        },
      },
      this.options.baseURL ? { baseUrl: this.options.baseURL } : undefined,
    );
    let result;
    try {
      result = await model.generateContent(
        { contents: [{ role: 'user', parts: [{ text: request.user }] }] },
        { signal: request.signal },
      );
    } catch (error) {
      throw mapError(error, request.signal);
    }
    const response = result.response;
    const usage = response.usageMetadata;
    const candidate = response.candidates?.[0];
    const reply = {
      promptTokens: usage?.promptTokenCount ?? 0,
      completionTokens: usage?.candidatesTokenCount ?? 0,
    };
    if (!candidate) {
      const reason = response.promptFeedback?.blockReason;
      throw new InvalidReplyError(`no candidate${reason ? ` (blocked: ${reason})` : ''}`);
    }
    const text = (candidate.content?.parts ?? []).map((part) => part.text ?? '').join('');
    return { ...reply, content: text, truncated: candidate.finishReason === 'MAX_TOKENS' };
  }
}

function mapError(error: unknown, signal: AbortSignal): Error {
  if (signal.aborted || error instanceof GoogleGenerativeAIAbortError) return new AbortedError();
  if (error instanceof GoogleGenerativeAIFetchError && typeof error.status === 'number') {
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
