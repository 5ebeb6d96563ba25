/** What the gateway asks of a provider, and what a provider hands back: raw text plus usage. */
import type { z } from 'zod';

export interface ProviderCall {
  /** The model name on the provider's wire. */
  model: string;
  /** The wire name of the structured output (`analysis`, `analysis_gap`, …). */
  name: string;
  system: string;
  user: string;
  temperature?: number;
  schema: z.ZodType;
  /** Fires when the caller cancels or the attempt times out; providers pass it to their SDK. */
  signal: AbortSignal;
  /** The `local` provider answers from this instead of the prompt. */
  data: Record<string, unknown>;
}

export interface ProviderReply {
  /** The reply as the model wrote it (JSON text) or, from `local`, the object itself. */
  content: string | { object: unknown };
  promptTokens: number;
  completionTokens: number;
  /** The provider's own price for this call (OpenRouter `usage.cost`), when it sent one. */
  costUsd?: number;
  /** The model stopped at its output limit: the JSON is cut off. */
  truncated: boolean;
}

export interface Provider {
  call(request: ProviderCall): Promise<ProviderReply>;
}
