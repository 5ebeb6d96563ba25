import type { z } from 'zod';
import type { Stage } from '../domain/graph.js';

export interface Prompt {
  system: string;
  user: string;
}

/** One structured-output call. `name` is the wire name (`analysis`, `analysis_gap`, `polish`, …). */
export interface CompletionRequest<T> {
  stage: Stage;
  /** The stage in lower case, optionally followed by `_` and a part; also names the json_schema on the wire. */
  name: string;
  /** Validates the reply; its JSON Schema is what the model is told to answer with. */
  schema: z.ZodType<T>;
  /**
   * Chat messages for a language model, resume and job-ad text inside delimiters as data. A
   * function is called only when a model is actually asked: never for `local` or a cache hit.
   */
  prompt: Prompt | (() => Prompt);
  /** Names the prompt's wording in cache keys (bump it when the wording changes); without it, the system message does. */
  promptVersion?: string;
  /** What the stage sees, as data: the `local` engine answers from this instead of the prompt. */
  data: Record<string, unknown>;
  temperature?: number;
  /** Stage-cache scope and switch; without it the call is never cached. */
  cache?: CacheDirective;
  /** Told before every further attempt after a failed one: the same model again, or the next. */
  onRetry?: (retry: RetryNotice) => void;
  /**
   * When the stage must be done (epoch ms): each attempt's timeout comes from the time left, so a
   * hung model leaves time for the next one.
   */
  deadlineAt?: number;
  /**
   * Live preview: told, a few times a second, the text the reply has written so far (whole, not a
   * delta; `''` when an attempt starts over), and the final text once on a cache hit.
   */
  onPreview?: (text: string) => void;
}

export interface RetryNotice {
  /**
   * What happens: `backoff` (the same model after `delayMs`), `next-model`, `step-down` (the same
   * model asked with a lower structured-output format), `re-ask` (the same model told what was
   * wrong with its reply), `budget` (the same model with a larger output budget), `remembered`
   * (the reply was used, but the model ignored the format and is asked lower next time).
   */
  kind?: 'backoff' | 'next-model' | 'step-down' | 're-ask' | 'budget' | 'remembered';
  /** The model that failed (`provider/model`). */
  failed: string;
  /** Why, in a few words (`HTTP 429`, `invalid JSON`, `timeout`). */
  reason: string;
  /** What comes next: the same model after `delayMs`, or the next model of the chain (or `local`). */
  next: string;
  delayMs: number;
}

export interface CacheDirective {
  /** Whose entries these are: the tenant id, or a shared scope when configured. */
  scope: string;
  /** Skip reading the cache (the fresh answer is still stored). */
  bypass: boolean;
}

/** What one call cost and who answered it. */
export interface CallReport {
  provider: string;
  model: string;
  /** Attempts over the whole chain, the successful one included. */
  attempts: number;
  durationMs: number;
  promptTokens: number;
  completionTokens: number;
  costUsd: number;
  /** Set when the answer came from a fallback (another model than the chain's first, or `local`): why. */
  fallbackNote?: string;
  /** Answered from the stage cache: no model was called. */
  cached?: boolean;
  /** What the cached answer cost when it was first made, and so what this call saved. */
  savedCostUsd?: number;
}

export interface Completion<T> {
  output: T;
  report: CallReport;
}

export interface Gateway {
  complete<T>(request: CompletionRequest<T>, signal?: AbortSignal): Promise<Completion<T>>;
  /**
   * Whether some language model of the stage's chain takes this prompt whole (a chain of `local`
   * alone takes anything). A stage whose input fits none splits it rather than lose any of it.
   */
  fits(stage: Stage, prompt: Prompt): boolean;
}
