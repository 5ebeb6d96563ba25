/**
 * Following an enhancement's progress from a client: the one reconnect-and-resume loop the CLI, the
 * web page and the tests share. When the socket drops or the stream ends before a terminal event,
 * it subscribes again with `after` = the cursor of the last event seen, after a jittered backoff:
 * nothing is missed, nothing is repeated. Browser-safe: the WebSocket implementation is passed in
 * where there is no global one (Node 20).
 */
import { CloseCode, createClient, type Client } from 'graphql-ws';
import { EnhancementProgressDocument, type EnhancementProgressSubscription } from './graphql/graphql.js';

export type ProgressEvent = EnhancementProgressSubscription['enhancementProgress'];

const TERMINAL = new Set(['COMPLETED', 'FAILED', 'CANCELLED']);

export interface FollowOptions {
  /** The API's WebSocket URL (`ws://…/graphql`). */
  url: string;
  id: string;
  /** Resume after this cursor (null or absent: from the first event). */
  after?: string | null;
  /** Sent on connection, e.g. `{ authorization: 'Bearer <key>' }`. */
  connectionParams?: Record<string, unknown>;
  /** A WebSocket implementation (the `ws` package in Node 20); the global one when absent. */
  webSocketImpl?: unknown;
  /** Reconnections in a row (with no event between) before giving up; default 10. */
  maxReconnects?: number;
  /** Delay before reconnection `attempt` (1-based); default `jitteredBackoff`. */
  backoff?: (attempt: number) => number;
  onEvent(event: ProgressEvent): void;
  /** The socket dropped or the stream ended early; reconnecting in `delayMs`. */
  onReconnecting?(attempt: number, delayMs: number, why: string): void;
}

/** Why following ended without a terminal event. */
export class FollowError extends Error {
  override name = 'FollowError';
  constructor(
    message: string,
    /** `refused`: the key (close 4403); `rejected`: a GraphQL error (`code`); `lost`: out of reconnections. */
    readonly kind: 'refused' | 'rejected' | 'lost',
    readonly code?: string,
  ) {
    super(message);
  }
}

export interface Following {
  /** The terminal event; null when `stop()` was called first; rejects with a FollowError. */
  done: Promise<ProgressEvent | null>;
  /** Stops following (the enhancement goes on). */
  stop(): void;
}

/** Exponential backoff from 250 ms, capped at 5 s, with full jitter over its upper half. */
export function jitteredBackoff(attempt: number, random: () => number = Math.random): number {
  const ceiling = Math.min(5_000, 250 * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

interface GraphQLErrorLike {
  message: string;
  extensions?: { code?: unknown };
}

export function followEnhancement(options: FollowOptions): Following {
  const maxReconnects = options.maxReconnects ?? 10;
  const backoff = options.backoff ?? jitteredBackoff;
  let lastCursor = options.after ?? null;
  let reconnects = 0;
  let client: Client | undefined;
  let unsubscribe = (): void => undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let settled = false;
  let resolveDone!: (event: ProgressEvent | null) => void;
  let rejectDone!: (error: FollowError) => void;
  const done = new Promise<ProgressEvent | null>((resolve, reject) => {
    resolveDone = resolve;
    rejectDone = reject;
  });

  const settle = (outcome: () => void): void => {
    if (settled) return;
    settled = true;
    if (timer) clearTimeout(timer);
    unsubscribe();
    void client?.dispose();
    outcome();
  };
  const rejected = (error: GraphQLErrorLike): void => {
    const code = typeof error.extensions?.code === 'string' ? error.extensions.code : undefined;
    // The server could not open the stream (Redis failing over, say): not the request's fault, so
    // it is tried again like a dropped socket. Any other code is an answer.
    if (code === 'INTERNAL_SERVER_ERROR') return retry(`the server failed (${error.message})`);
    settle(() => rejectDone(new FollowError(error.message, 'rejected', code)));
  };

  const retry = (why: string): void => {
    // The old socket says nothing more: only the next subscription's callbacks count.
    void client?.dispose();
    client = undefined;
    if (reconnects >= maxReconnects) {
      settle(() => rejectDone(new FollowError(`lost the connection to ${options.url} (${why}) after ${reconnects} reconnections`, 'lost')));
      return;
    }
    reconnects += 1;
    const delayMs = backoff(reconnects);
    options.onReconnecting?.(reconnects, delayMs, why);
    timer = setTimeout(subscribe, delayMs);
  };

  const subscribe = (): void => {
    void client?.dispose();
    const current = createClient({
      url: options.url,
      lazy: true,
      retryAttempts: 0,
      connectionParams: options.connectionParams ?? {},
      ...(options.webSocketImpl ? { webSocketImpl: options.webSocketImpl } : {}),
    });
    client = current;
    let terminal: ProgressEvent | undefined;
    unsubscribe = current.subscribe<EnhancementProgressSubscription>(
      { query: EnhancementProgressDocument.toString(), variables: { id: options.id, after: lastCursor } },
      {
        next: (result) => {
          if (settled || client !== current) return;
          if (result.errors?.length) return rejected(result.errors[0] as GraphQLErrorLike);
          const event = result.data?.enhancementProgress;
          if (!event) return;
          reconnects = 0;
          lastCursor = event.cursor;
          if (TERMINAL.has(event.type)) terminal = event;
          options.onEvent(event);
        },
        complete: () => {
          if (settled || client !== current) return;
          if (terminal) {
            const last = terminal;
            settle(() => resolveDone(last));
          } else retry('the stream ended early');
        },
        error: (error: unknown) => {
          if (settled || client !== current) return;
          if (Array.isArray(error) && error.length) return rejected(error[0] as GraphQLErrorLike);
          const close = error as { code?: unknown; reason?: unknown };
          if (close?.code === CloseCode.Forbidden) {
            return settle(() => rejectDone(new FollowError(`${options.url} refused the API key (${CloseCode.Forbidden})`, 'refused', 'UNAUTHENTICATED')));
          }
          const why =
            typeof close?.code === 'number'
              ? `closed ${close.code}${close.reason ? ` ${String(close.reason)}` : ''}`
              : error instanceof Error
                ? error.message
                : String((error as { message?: unknown })?.message ?? error);
          retry(why);
        },
      },
    );
  };

  subscribe();
  return { done, stop: () => settle(() => resolveDone(null)) };
}
