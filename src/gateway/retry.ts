/** When to try the same model again, and how long to wait first. */
import { AbortedError, GatewayError, ProviderHttpError } from './errors.js';

export interface BackoffOptions {
  baseDelayMs: number;
  maxDelayMs: number;
  /** Returns [0, 1); injected for deterministic tests. */
  random: () => number;
}

export const DEFAULT_BACKOFF: Omit<BackoffOptions, 'random'> = { baseDelayMs: 250, maxDelayMs: 8_000 };

export function isRetryable(error: unknown): boolean {
  return error instanceof GatewayError && error.retryable;
}

/**
 * The wait before retry number `retry` (1 = first retry): the provider's `Retry-After` when it
 * sent one, else exponential backoff with "equal jitter" (half fixed, half random) so a burst of
 * callers does not come back in step.
 */
export function retryDelay(error: unknown, retry: number, options: BackoffOptions): number {
  if (error instanceof ProviderHttpError && error.retryAfterMs !== undefined) return error.retryAfterMs;
  const ceiling = Math.min(options.maxDelayMs, options.baseDelayMs * 2 ** (retry - 1));
  return Math.round(ceiling / 2 + options.random() * (ceiling / 2));
}

/** `retry-after-ms` (OpenAI's extension, ms) wins over `Retry-After` (seconds or an HTTP date). */
export function parseRetryAfter(get: (name: string) => string | null | undefined, now = Date.now()): number | undefined {
  const ms = get('retry-after-ms');
  if (ms) {
    const value = Number(ms);
    if (Number.isFinite(value) && value >= 0) return value;
  }
  const header = get('retry-after');
  if (!header) return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.round(seconds * 1000);
  const date = Date.parse(header);
  if (!Number.isNaN(date)) return Math.max(0, date - now);
  return undefined;
}

/** A sleep that ends early (rejecting with AbortedError) when the signal fires. */
export function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(new AbortedError());
  if (ms <= 0) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const onAbort = (): void => {
      clearTimeout(timer);
      reject(new AbortedError());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
