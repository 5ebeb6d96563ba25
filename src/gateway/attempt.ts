/** One attempt on one model: a per-attempt timeout and the caller's signal, both ending the HTTP request. */
import { AbortedError, InvalidReplyError, ProviderTimeoutError, spentOf, withSpent } from './errors.js';
import type { Provider, ProviderCall, ProviderReply } from './providers/types.js';
import type { z } from 'zod';

export async function attempt(
  provider: Provider,
  call: Omit<ProviderCall, 'signal'>,
  signal: AbortSignal | undefined,
  timeoutMs: number,
  /** The gateway's calls in flight, so that `close()` can abort them. */
  inflight: Set<AbortController>,
): Promise<ProviderReply> {
  const controller = new AbortController();
  const abort = (): void => controller.abort();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  signal?.addEventListener('abort', abort, { once: true });
  inflight.add(controller);
  try {
    if (signal?.aborted) throw new AbortedError();
    return await provider.call({ ...call, signal: controller.signal });
  } catch (error) {
    if (signal?.aborted || (controller.signal.aborted && !timedOut)) throw new AbortedError();
    // What the call had cost when it was cut off, where the provider said so, is still billed.
    if (timedOut) throw withSpent(new ProviderTimeoutError(timeoutMs), spentOf(error));
    throw error;
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', abort);
    inflight.delete(controller);
  }
}

const FENCE = /^```(?:json)?\s*([\s\S]*?)\s*```$/;

/** The reply as a validated value; anything else (cut off, not JSON, off-schema) is an InvalidReplyError. */
export function parseReply<T>(reply: ProviderReply, schema: z.ZodType<T>): T {
  if (reply.truncated) throw new InvalidReplyError('the reply was cut off at the output limit');
  let value: unknown;
  if (typeof reply.content === 'string') {
    let text = reply.content.trim();
    const fenced = FENCE.exec(text);
    if (fenced) text = fenced[1];
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw new InvalidReplyError(`the reply is not valid JSON (${(error as Error).message})`);
    }
  } else {
    value = reply.content.object;
  }
  const result = schema.safeParse(value);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw new InvalidReplyError(
      `the reply does not match the schema: ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`,
    );
  }
  return result.data;
}
