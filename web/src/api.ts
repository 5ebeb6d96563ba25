/**
 * The page's way to the API: GraphQL over HTTP (fetch) and progress over graphql-ws, same origin.
 */
import { createClient, type Client } from 'graphql-ws';
import type { TypedDocumentString } from '../../src/client/graphql/graphql.js';
import type { EnhancementProgressSubscription, StagePreviewSubscription } from '../../src/client/graphql/graphql.js';
import { EnhancementProgressDocument, StagePreviewDocument } from '../../src/client/graphql/graphql.js';

export type StagePreview = StagePreviewSubscription['enhancementPreview'];

export type ProgressEvent = EnhancementProgressSubscription['enhancementProgress'];

export class ApiError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

const httpUrl = new URL('/graphql', location.href).toString();
const wsUrl = httpUrl.replace(/^http/, 'ws');

function authHeader(apiKey: string): Record<string, string> {
  return apiKey ? { authorization: `Bearer ${apiKey}` } : {};
}

export async function gql<R, V>(document: TypedDocumentString<R, V>, variables: V, apiKey: string): Promise<R> {
  let response: Response;
  try {
    response = await fetch(httpUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...authHeader(apiKey) },
      body: JSON.stringify({ query: document.toString(), variables }),
    });
  } catch {
    throw new ApiError('The server cannot be reached.', 'NETWORK');
  }
  let body: { data?: R | null; errors?: Array<{ message: string; extensions?: { code?: string } }> };
  try {
    body = await response.json();
  } catch {
    throw new ApiError(`The server answered ${response.status} without GraphQL.`, 'NETWORK');
  }
  const error = body.errors?.[0];
  if (error) throw new ApiError(error.message, error.extensions?.code ?? 'INTERNAL_SERVER_ERROR');
  if (!body.data) throw new ApiError('The server answered without data.', 'INTERNAL_SERVER_ERROR');
  return body.data;
}

export interface FollowHandlers {
  event(event: ProgressEvent): void;
  /** The socket dropped; `attempt` reconnections so far, next in `delayMs`. */
  reconnecting(attempt: number, delayMs: number): void;
  /** The stream ended (after a terminal event, or the server completed it). */
  done(): void;
  failed(error: ApiError): void;
}

const TERMINAL = new Set(['COMPLETED', 'FAILED', 'CANCELLED']);
const MAX_RECONNECTS = 20;

/**
 * Follows an enhancement's progress. When the socket drops, it subscribes again with `after` set
 * to the cursor of the last event seen, so nothing is missed and nothing is shown twice.
 * Returns a function that stops following.
 */
export function follow(id: string, apiKey: string, handlers: FollowHandlers): () => void {
  let lastCursor: string | undefined;
  let stopped = false;
  let reconnects = 0;
  let client: Client | undefined;
  let unsubscribe = (): void => undefined;
  let timer: ReturnType<typeof setTimeout> | undefined;

  const finish = (): void => {
    stopped = true;
    unsubscribe();
    void client?.dispose();
  };

  const subscribe = (): void => {
    void client?.dispose();
    const current = createClient({
      url: wsUrl,
      lazy: true,
      retryAttempts: 0,
      connectionParams: apiKey ? { authorization: `Bearer ${apiKey}` } : {},
    });
    client = current;
    let terminal = false;
    unsubscribe = current.subscribe<EnhancementProgressSubscription>(
      { query: EnhancementProgressDocument.toString(), variables: { id, after: lastCursor ?? null } },
      {
        next: (result) => {
          if (stopped || client !== current) return;
          const error = result.errors?.[0];
          if (error) {
            finish();
            handlers.failed(new ApiError(error.message, String(error.extensions?.code ?? 'INTERNAL_SERVER_ERROR')));
            return;
          }
          const event = result.data?.enhancementProgress;
          if (!event) return;
          reconnects = 0;
          lastCursor = event.cursor;
          if (TERMINAL.has(event.type)) terminal = true;
          handlers.event(event);
        },
        complete: () => {
          if (stopped || client !== current) return;
          if (terminal) {
            finish();
            handlers.done();
          } else retry();
        },
        error: (error: unknown) => {
          if (stopped || client !== current) return;
          if (Array.isArray(error) && error[0]) {
            finish();
            const first = error[0] as { message: string; extensions?: { code?: string } };
            handlers.failed(new ApiError(first.message, first.extensions?.code ?? 'INTERNAL_SERVER_ERROR'));
          } else if (isCloseEvent(error) && error.code === 4403) {
            finish();
            handlers.failed(new ApiError('The API key was refused.', 'UNAUTHENTICATED'));
          } else retry();
        },
      },
    );
  };

  const retry = (): void => {
    if (reconnects >= MAX_RECONNECTS) {
      finish();
      handlers.failed(new ApiError('Lost the connection to the server.', 'NETWORK'));
      return;
    }
    reconnects += 1;
    const delayMs = Math.min(5000, 250 * 2 ** (reconnects - 1));
    handlers.reconnecting(reconnects, delayMs);
    timer = setTimeout(subscribe, delayMs);
  };

  subscribe();
  return () => {
    if (timer) clearTimeout(timer);
    finish();
  };
}

/**
 * The text a writing stage has written so far, live. Best effort: previews are not stored, so a
 * dropped socket is not resumed (the progress stream and the final result carry what matters).
 * Returns a function that stops it.
 */
export function followPreview(id: string, apiKey: string, onPreview: (preview: StagePreview) => void): () => void {
  const client = createClient({ url: wsUrl, lazy: true, retryAttempts: 0, connectionParams: apiKey ? { authorization: `Bearer ${apiKey}` } : {} });
  let stopped = false;
  const unsubscribe = client.subscribe<StagePreviewSubscription>(
    { query: StagePreviewDocument.toString(), variables: { id } },
    {
      next: (result) => {
        if (!stopped && result.data) onPreview(result.data.enhancementPreview);
      },
      error: () => undefined,
      complete: () => undefined,
    },
  );
  return () => {
    stopped = true;
    unsubscribe();
    void client.dispose();
  };
}

function isCloseEvent(value: unknown): value is { code: number } {
  return typeof value === 'object' && value !== null && 'code' in value && typeof (value as { code: unknown }).code === 'number';
}
