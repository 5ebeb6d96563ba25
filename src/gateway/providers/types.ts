/** What the gateway asks of a provider, and what a provider hands back: raw text plus usage. */
import type { z } from 'zod';
import type { ReasoningEffort } from '../../config.js';
import type { OutputMode } from '../output-mode.js';

export interface ChatTurn {
  role: 'assistant' | 'user';
  content: string;
}

export interface ProviderCall {
  /** The model name on the provider's wire. */
  model: string;
  /** The wire name of the structured output (`analysis`, `analysis_gap`, …). */
  name: string;
  system: string;
  user: string;
  /** Turns after the first user message: a re-ask carries the model's reply and what was wrong with it. */
  followUp?: ChatTurn[];
  temperature?: number;
  schema: z.ZodType;
  /** How structured output is asked for on the wire (the gateway has put the schema in `system` where the mode needs it). */
  mode?: OutputMode;
  /** The reply's output budget (max_tokens). */
  maxTokens?: number;
  /** Sent only to models that take it. */
  reasoningEffort?: ReasoningEffort;
  /** Streaming: told the reply's whole text so far as tokens arrive. */
  onText?: (text: string) => void;
  /** Streaming: a reply that sends nothing for this long fails the attempt (ProviderIdleError). */
  idleMs?: number;
  /** Fires when the caller cancels or the attempt times out; providers pass it to their SDK. */
  signal: AbortSignal;
  /** The `local` provider answers from this instead of the prompt. */
  data: Record<string, unknown>;
}

export interface ProviderReply {
  /** The reply as the model wrote it (JSON text) or, from `local`, the object itself. */
  content: string | { object: unknown };
  promptTokens: number;
  /** Billed output tokens, reasoning ("thinking") tokens included. */
  completionTokens: number;
  /** The provider's own price for this call (OpenRouter `usage.cost`), when it sent one. */
  costUsd?: number;
  /** The model stopped at its output limit: the JSON is cut off. */
  truncated: boolean;
}

export interface Provider {
  call(request: ProviderCall): Promise<ProviderReply>;
}
