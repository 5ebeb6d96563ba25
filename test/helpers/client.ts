import type { ExecutionResult } from 'graphql';
import type { TypedDocumentString } from '../../src/client/graphql/graphql.js';
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

export interface GraphQLResponse<T> {
  status: number;
  body: ExecutionResult<T> & { errors?: Array<{ message: string; extensions?: Record<string, unknown> }> };
}

/** POSTs a document over real HTTP. */
export async function post<T, V>(
  url: string,
  document: TypedDocumentString<T, V> | string,
  variables?: V,
  headers: Record<string, string> = {},
): Promise<GraphQLResponse<T>> {
  const query = String(document);
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, body: (await response.json()) as GraphQLResponse<T>['body'] };
}

/** Like `post`, but fails the test on any GraphQL error and returns `data`. */
export async function request<T, V>(url: string, document: TypedDocumentString<T, V>, variables?: V, headers?: Record<string, string>): Promise<T> {
  const { body } = await post(url, document, variables, headers);
  if (body.errors?.length || !body.data) throw new Error(`GraphQL errors: ${JSON.stringify(body.errors)}`);
  return body.data;
}

export function wsClient(url: string, connectionParams?: Record<string, unknown>): Client {
  return createClient({ url, webSocketImpl: WebSocket, connectionParams, retryAttempts: 0, lazy: true });
}

/** graphql-ws reports errors as GraphQL error lists, close events or Errors. */
function asError(error: unknown): Error {
  if (error instanceof Error) return error;
  const close = error as { code?: unknown; reason?: unknown };
  if (typeof close?.code === 'number') return new Error(`socket closed ${close.code} ${String(close.reason ?? '')}`);
  return new Error(JSON.stringify(error));
}

/** Subscribes and collects every `next` payload until the server completes the stream. */
export function collect<T, V extends Record<string, unknown>>(
  client: Client,
  document: TypedDocumentString<T, V>,
  variables: V,
  onEach?: (data: T, all: T[]) => void,
): { done: Promise<T[]>; cancel: () => void } {
  const received: T[] = [];
  let cancel = (): void => undefined;
  const done = new Promise<T[]>((resolve, reject) => {
    cancel = client.subscribe<T>(
      { query: String(document), variables },
      {
        next: (result) => {
          if (result.errors?.length) reject(new Error(JSON.stringify(result.errors)));
          else if (result.data) {
            received.push(result.data);
            onEach?.(result.data, received);
          }
        },
        error: (error) => reject(asError(error)),
        complete: () => resolve(received),
      },
    );
  });
  return { done, cancel: () => cancel() };
}
