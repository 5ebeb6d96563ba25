/**
 * The page's way to the API: GraphQL over HTTP (fetch) and progress over graphql-ws, same origin.
 */
import { createClient } from 'graphql-ws';
import { FollowError, followEnhancement, type ProgressEvent } from '../../src/client/follow.js';
import { StagePreviewDocument, type StagePreviewSubscription, type TypedDocumentString } from '../../src/client/graphql/graphql.js';

export type StagePreview = StagePreviewSubscription['enhancementPreview'];

export type { ProgressEvent };

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

const MAX_RECONNECTS = 20;

/**
 * Follows an enhancement's progress (the shared loop of src/client/follow.ts): when the socket
 * drops, it subscribes again with `after` set to the cursor of the last event seen, so nothing is
 * missed and nothing is shown twice. Returns a function that stops following.
 */
export function follow(id: string, apiKey: string, handlers: FollowHandlers): () => void {
  const following = followEnhancement({
    url: wsUrl,
    id,
    connectionParams: apiKey ? { authorization: `Bearer ${apiKey}` } : {},
    maxReconnects: MAX_RECONNECTS,
    onEvent: (event) => handlers.event(event),
    onReconnecting: (attempt, delayMs) => handlers.reconnecting(attempt, delayMs),
  });
  following.done.then(
    (terminal) => {
      if (terminal) handlers.done();
    },
    (error: unknown) => {
      if (!(error instanceof FollowError)) return handlers.failed(new ApiError('Lost the connection to the server.', 'NETWORK'));
      if (error.kind === 'refused') handlers.failed(new ApiError('The API key was refused.', 'UNAUTHENTICATED'));
      else if (error.kind === 'lost') handlers.failed(new ApiError('Lost the connection to the server.', 'NETWORK'));
      else handlers.failed(new ApiError(error.message, error.code ?? 'INTERNAL_SERVER_ERROR'));
    },
  );
  return () => following.stop();
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
