/**
 * What a fake provider does with one request. Shared by the fake OpenAI-compatible and Gemini servers.
 */
export type Reply = unknown | ((body: any) => unknown);

export type Behaviour =
  /** Answer with a JSON object: `reply`, or the server's responder for the request. */
  | {
      kind: 'ok';
      reply?: Reply;
      promptTokens?: number;
      completionTokens?: number;
      cost?: number;
      delayMs?: number;
      /** Changes the answer object before it is written (a field left out). */
      mutate?: (object: any, body: any) => unknown;
      /** Writes the JSON text the way a sloppy model does (prose around it, a fence, a think block). */
      wrap?: (json: string) => string;
      /** Streaming: the wait before each chunk (a slow model). */
      chunkDelayMs?: number;
      /** Streaming: characters per chunk (default 48). */
      chunkChars?: number;
      /** Streaming: after this many chunks the server goes silent, the connection left open. */
      stallAfterChunks?: number;
    }
  /** Gemini: a candidate stopped for this finish reason (SAFETY, RECITATION) with no text. */
  | { kind: 'stopped'; reason: string }
  /** Answer 200 with this exact text as the model's content (schema-breaking or cut-off JSON). */
  | { kind: 'raw'; content: string; truncated?: boolean; promptTokens?: number; completionTokens?: number; cost?: number }
  /** Answer with an HTTP error status. */
  | { kind: 'status'; status: number; headers?: Record<string, string>; message?: string; retryDelaySeconds?: number }
  /** Answer 200 whose body is an error object (OpenRouter does this). */
  | { kind: 'error-body'; code: number; message?: string }
  /** Never answer. */
  | { kind: 'hang' }
  /** Destroy the socket without answering. */
  | { kind: 'close' };

export const ok = (reply?: Reply, usage: { promptTokens?: number; completionTokens?: number; cost?: number } = {}): Behaviour => ({
  kind: 'ok',
  reply,
  ...usage,
});
export const raw = (content: string): Behaviour => ({ kind: 'raw', content });
export const truncated = (content = '{"narrative": "It all began'): Behaviour => ({ kind: 'raw', content, truncated: true });
export const status = (code: number, headers?: Record<string, string>): Behaviour => ({ kind: 'status', status: code, headers });
export const rateLimited = (retryAfterSeconds: number): Behaviour => ({
  kind: 'status',
  status: 429,
  headers: { 'retry-after': String(retryAfterSeconds) },
  retryDelaySeconds: retryAfterSeconds,
});
export const serverError = (): Behaviour => ({ kind: 'status', status: 500 });
export const errorBody = (code = 502, message = 'upstream provider error'): Behaviour => ({ kind: 'error-body', code, message });
export const hang = (): Behaviour => ({ kind: 'hang' });
export const closeSocket = (): Behaviour => ({ kind: 'close' });

export interface Rule {
  /** Model on the wire; omitted: any. */
  model?: string;
  /** API key the request carries; omitted: any. */
  key?: string;
  /** Only requests whose parsed body passes this test. */
  match?: (body: any) => boolean;
  /** How many requests the rule serves; omitted: all. */
  times?: number;
  behaviour: Behaviour;
}

export interface RecordedRequest {
  model: string;
  /** `response_format.json_schema.name` (OpenAI) or null (Gemini has no name on the wire). */
  name: string | null;
  key: string | null;
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: any;
  /** What the server did. */
  outcome: Behaviour['kind'] | 'no-responder';
  /** The usage the server reported (when it answered 200). */
  usage?: { promptTokens: number; completionTokens: number; cost?: number };
  /** The client closed the connection before an answer was written. */
  clientClosed: boolean;
  /** Resolves when the client closes the connection before an answer (never otherwise). */
  closed: Promise<void>;
}

export class RuleBook {
  private rules: Rule[] = [];

  add(rule: Rule): void {
    this.rules.push({ ...rule });
  }

  /** The first rule that matches; a rule with `times` is used up after that many requests. */
  take(model: string, key: string | null, body: unknown): Behaviour | undefined {
    const index = this.rules.findIndex(
      (r) =>
        (r.model === undefined || r.model === model) &&
        (r.key === undefined || r.key === key) &&
        (r.times === undefined || r.times > 0) &&
        (r.match === undefined || r.match(body)),
    );
    if (index < 0) return undefined;
    const rule = this.rules[index];
    if (rule.times !== undefined) rule.times--;
    return rule.behaviour;
  }

  clear(): void {
    this.rules = [];
  }
}

export function approxTokens(text: string): number {
  return Math.max(1, Math.ceil(text.length / 4));
}
