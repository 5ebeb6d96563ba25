/**
 * The CLI's way to the API: GraphQL over HTTP (fetch) and progress over graphql-ws (the `ws`
 * package: Node 20 has no global WebSocket), resumed after a dropped socket by src/client/follow.ts.
 */
import { createClient } from 'graphql-ws';
import WebSocket from 'ws';
import { CliError, EXIT, exitCodeFor } from './exit-codes.js';
import { FollowError, followEnhancement, type ProgressEvent } from '../client/follow.js';
import { StagePreviewDocument, type StagePreviewSubscription, type TypedDocumentString } from '../client/graphql/graphql.js';

export type { ProgressEvent };

interface GraphQLErrorLike {
  message: string;
  extensions?: { code?: unknown };
}

function toCliError(error: GraphQLErrorLike): CliError {
  const code = typeof error.extensions?.code === 'string' ? error.extensions.code : undefined;
  return new CliError(code ? `${error.message} (${code})` : error.message, exitCodeFor(code));
}

export interface ApiClientOptions {
  url: string;
  key?: string;
  /** Reconnections in a row before giving up on a dropped socket. */
  maxReconnects?: number;
}

export interface FollowHandlers {
  event(event: ProgressEvent): void;
  /** The socket dropped; it is opened again in `delayMs`, resuming after the last event seen. */
  reconnecting?(attempt: number, delayMs: number, why: string): void;
}

export class ApiClient {
  readonly wsUrl: string;

  constructor(private readonly options: ApiClientOptions) {
    this.wsUrl = options.url.replace(/^http/, 'ws');
  }

  /**
   * The text a writing stage has written so far, live (best effort: not resumed after a dropped
   * socket; the progress stream and the result carry what matters). Returns a function that stops it.
   */
  preview(id: string, onPreview: (preview: StagePreviewSubscription['enhancementPreview']) => void): () => void {
    const client = createClient({
      url: this.wsUrl,
      webSocketImpl: WebSocket,
      lazy: true,
      retryAttempts: 0,
      connectionParams: this.options.key ? { authorization: `Bearer ${this.options.key}` } : {},
    });
    const unsubscribe = client.subscribe<StagePreviewSubscription>(
      { query: StagePreviewDocument.toString(), variables: { id } },
      { next: (result) => result.data && onPreview(result.data.enhancementPreview), error: () => undefined, complete: () => undefined },
    );
    return () => {
      unsubscribe();
      void client.dispose();
    };
  }

  private get authorization(): Record<string, string> {
    return this.options.key ? { authorization: `Bearer ${this.options.key}` } : {};
  }

  async request<R, V>(document: TypedDocumentString<R, V>, variables: V): Promise<R> {
    let response: Response;
    try {
      response = await fetch(this.options.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept: 'application/json', ...this.authorization },
        body: JSON.stringify({ query: document.toString(), variables }),
      });
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      throw new CliError(`cannot reach ${this.options.url} (${cause?.code ?? cause?.message ?? String(error)}); is the server running? (npm start)`, EXIT.UNREACHABLE);
    }
    const text = await response.text();
    let body: { data?: R | null; errors?: GraphQLErrorLike[] };
    try {
      body = JSON.parse(text);
    } catch {
      throw new CliError(`${this.options.url} answered HTTP ${response.status} that is not GraphQL: ${text.slice(0, 120)}`, EXIT.REFUSED);
    }
    if (body.errors?.length) throw toCliError(body.errors[0]!);
    if (!body.data) throw new CliError(`${this.options.url} answered HTTP ${response.status} without data`, EXIT.REFUSED);
    return body.data;
  }

  /**
   * Follows an enhancement's events until its terminal event (the shared loop of
   * src/client/follow.ts). Resolves with the terminal event; `signal` stops following (rejects
   * with an INTERRUPTED CliError).
   */
  async follow(id: string, handlers: FollowHandlers, signal?: AbortSignal): Promise<ProgressEvent> {
    const following = followEnhancement({
      url: this.wsUrl,
      id,
      webSocketImpl: WebSocket,
      connectionParams: this.authorization,
      maxReconnects: this.options.maxReconnects ?? 10,
      onEvent: (event) => handlers.event(event),
      onReconnecting: handlers.reconnecting,
    });
    const onAbort = (): void => following.stop();
    signal?.addEventListener('abort', onAbort);
    try {
      const terminal = await following.done;
      if (!terminal) throw new CliError('interrupted', EXIT.INTERRUPTED);
      return terminal;
    } catch (error) {
      if (!(error instanceof FollowError)) throw error;
      if (error.kind === 'refused') throw new CliError(error.message, EXIT.REFUSED);
      if (error.kind === 'lost') throw new CliError(error.message, EXIT.UNREACHABLE);
      throw toCliError({ message: error.message, extensions: { code: error.code } });
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
  }
}
