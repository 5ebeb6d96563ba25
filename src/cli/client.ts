/**
 * The CLI's way to the API: GraphQL over HTTP (fetch) and progress over graphql-ws (the `ws`
 * package: Node 20 has no global WebSocket). A dropped socket is resumed with `after` = the cursor
 * of the last event seen.
 */
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import { CliError, EXIT, exitCodeFor } from './exit-codes.js';
import {
  EnhancementProgressDocument,
  StagePreviewDocument,
  type EnhancementProgressSubscription,
  type StagePreviewSubscription,
  type TypedDocumentString,
} from '../client/graphql/graphql.js';

export type ProgressEvent = EnhancementProgressSubscription['enhancementProgress'];

const TERMINAL = new Set(['COMPLETED', 'FAILED', 'CANCELLED']);

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
   * Follows an enhancement's events until its terminal event. Resolves with the terminal event;
   * `signal` stops following (rejects with an INTERRUPTED CliError).
   */
  follow(id: string, handlers: FollowHandlers, signal?: AbortSignal): Promise<ProgressEvent> {
    const maxReconnects = this.options.maxReconnects ?? 10;
    return new Promise<ProgressEvent>((resolve, reject) => {
      let lastCursor: string | undefined;
      let reconnects = 0;
      let client: Client | undefined;
      let unsubscribe = (): void => undefined;
      let timer: NodeJS.Timeout | undefined;
      let settled = false;

      const settle = (outcome: () => void): void => {
        if (settled) return;
        settled = true;
        if (timer) clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        unsubscribe();
        void client?.dispose();
        outcome();
      };
      const onAbort = (): void => settle(() => reject(new CliError('interrupted', EXIT.INTERRUPTED)));
      signal?.addEventListener('abort', onAbort);

      const retry = (why: string): void => {
        if (reconnects >= maxReconnects) {
          settle(() => reject(new CliError(`lost the connection to ${this.wsUrl} (${why}) after ${reconnects} reconnections`, EXIT.UNREACHABLE)));
          return;
        }
        reconnects += 1;
        const delayMs = Math.min(5000, 250 * 2 ** (reconnects - 1));
        handlers.reconnecting?.(reconnects, delayMs, why);
        timer = setTimeout(subscribe, delayMs);
      };

      const subscribe = (): void => {
        void client?.dispose();
        const current = createClient({
          url: this.wsUrl,
          webSocketImpl: WebSocket,
          lazy: true,
          retryAttempts: 0,
          connectionParams: this.options.key ? { authorization: `Bearer ${this.options.key}` } : {},
        });
        client = current;
        let terminal: ProgressEvent | undefined;
        unsubscribe = current.subscribe<EnhancementProgressSubscription>(
          { query: EnhancementProgressDocument.toString(), variables: { id, after: lastCursor ?? null } },
          {
            next: (result) => {
              if (settled || client !== current) return;
              if (result.errors?.length) return settle(() => reject(toCliError(result.errors![0] as GraphQLErrorLike)));
              const event = result.data?.enhancementProgress;
              if (!event) return;
              reconnects = 0;
              lastCursor = event.cursor;
              handlers.event(event);
              if (TERMINAL.has(event.type)) terminal = event;
            },
            complete: () => {
              if (settled || client !== current) return;
              if (terminal) {
                const last = terminal;
                settle(() => resolve(last));
              } else retry('the stream ended early');
            },
            error: (error: unknown) => {
              if (settled || client !== current) return;
              if (Array.isArray(error) && error.length) return settle(() => reject(toCliError(error[0] as GraphQLErrorLike)));
              const close = error as { code?: unknown; reason?: unknown };
              if (close?.code === 4403) {
                return settle(() => reject(new CliError(`${this.wsUrl} refused the API key (4403)`, EXIT.REFUSED)));
              }
              const why = typeof close?.code === 'number' ? `closed ${close.code}${close.reason ? ` ${String(close.reason)}` : ''}` : error instanceof Error ? error.message : String((error as { message?: unknown })?.message ?? error);
              retry(why);
            },
          },
        );
      };
      subscribe();
    });
  }
}
