/**
 * A fake OpenAI-compatible server (OpenRouter dialect) on loopback: `POST /v1/chat/completions`
 * with the real wire format (choices, finish_reason, usage, optional `usage.cost`). It records
 * every request and can be told, per model and per key, how to behave.
 *
 *   const fake = await startFakeOpenAI();
 *   fake.respond('polish', (body) => ({ bulletOrder: [], skillLines: [], keywordEdits: [], editorialNotes: [] }));
 *   fake.when({ model: 'a/b', times: 2 }, rateLimited(3));
 *   // OPENROUTER_BASE_URL = fake.url
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { approxTokens, RuleBook, type Behaviour, type RecordedRequest, type Rule } from './behaviours.js';

export * from './behaviours.js';

export interface FakeOpenAI {
  /** Base URL for the SDK (`…/v1`). */
  url: string;
  requests: RecordedRequest[];
  /** Answers requests whose `response_format.json_schema.name` is `name` (when no rule says otherwise). */
  respond(name: string, reply: (body: any) => unknown): void;
  /** Behaviour for matching requests, first matching rule wins. */
  when(match: Omit<Rule, 'behaviour'>, behaviour: Behaviour): void;
  /**
   * Slow streams (a `chunkDelayMs` behaviour): each content chunk as written, with the reply's
   * whole content so far and `performance.now()` at the write (for preview-latency figures).
   */
  chunks: Array<{ model: string; text: string; at: number }>;
  /** Forget rules and recorded requests (responders stay). */
  reset(): void;
  close(): Promise<void>;
}

export async function startFakeOpenAI(): Promise<FakeOpenAI> {
  const rules = new RuleBook();
  const responders = new Map<string, (body: any) => unknown>();
  const requests: RecordedRequest[] = [];
  const chunks: FakeOpenAI['chunks'] = [];

  const server = createServer((req, res) => {
    void handle(req, res).catch(() => res.destroy());
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const text = await readBody(req);
    if (req.method !== 'POST' || !req.url?.endsWith('/chat/completions')) {
      return send(res, 404, { error: { message: `no route ${req.method} ${req.url}`, code: 404 } });
    }
    let body: any;
    try {
      body = JSON.parse(text);
    } catch {
      return send(res, 400, { error: { message: 'body is not JSON', code: 400 } });
    }
    const auth = req.headers.authorization;
    const key = typeof auth === 'string' && auth.startsWith('Bearer ') ? auth.slice(7) : null;
    const name: string | null = body?.response_format?.json_schema?.name ?? schemaNameInPrompt(body) ?? null;
    let markClosed!: () => void;
    const record: RecordedRequest = {
      model: String(body.model),
      name,
      key,
      path: req.url,
      headers: req.headers,
      body,
      outcome: 'ok',
      clientClosed: false,
      closed: new Promise<void>((resolve) => (markClosed = resolve)),
    };
    requests.push(record);
    res.on('close', () => {
      if (!res.writableFinished) {
        record.clientClosed = true;
        markClosed();
      }
    });

    const behaviour = rules.take(record.model, key, body) ?? { kind: 'ok' };
    record.outcome = behaviour.kind;
    switch (behaviour.kind) {
      case 'hang':
        return;
      case 'close':
        res.socket?.destroy();
        return;
      case 'status': {
        const message = behaviour.message ?? `fake status ${behaviour.status}`;
        return send(res, behaviour.status, { error: { message, code: behaviour.status, type: 'fake' } }, behaviour.headers);
      }
      case 'error-body':
        if (body.stream) return sse(res, [{ id: 'gen-err', object: 'chat.completion.chunk', error: { code: behaviour.code, message: behaviour.message ?? 'error' } }]);
        return send(res, 200, { id: 'gen-err', object: 'chat.completion', error: { code: behaviour.code, message: behaviour.message ?? 'error' } });
      case 'stopped':
        return answer(res, record, '', 'content_filter', {});
      case 'raw':
        return answer(res, record, behaviour.content, behaviour.truncated ? 'length' : 'stop', behaviour);
      case 'ok': {
        const reply = behaviour.reply !== undefined ? behaviour.reply : responders.get(name ?? '');
        if (reply === undefined) {
          record.outcome = 'no-responder';
          return send(res, 400, { error: { message: `the fake has no responder for "${name}"`, code: 400 } });
        }
        let object = typeof reply === 'function' ? (reply as (b: any) => unknown)(body) : reply;
        if (behaviour.mutate) object = behaviour.mutate(structuredClone(object), body);
        if (behaviour.delayMs) await new Promise((r) => setTimeout(r, behaviour.delayMs));
        const json = JSON.stringify(object);
        return answer(res, record, behaviour.wrap ? behaviour.wrap(json) : json, 'stop', behaviour);
      }
    }
  }

  async function answer(
    res: ServerResponse,
    record: RecordedRequest,
    content: string,
    finishReason: string,
    usage: { promptTokens?: number; completionTokens?: number; cost?: number; chunkDelayMs?: number; chunkChars?: number; stallAfterChunks?: number },
  ): Promise<void> {
    const promptChars = (record.body.messages ?? []).map((m: { content?: string }) => m.content ?? '').join('').length;
    const promptTokens = usage.promptTokens ?? approxTokens('x'.repeat(promptChars));
    const completionTokens = usage.completionTokens ?? approxTokens(content);
    record.usage = { promptTokens, completionTokens, ...(usage.cost !== undefined ? { cost: usage.cost } : {}) };
    if (record.body.stream) {
      // The streaming wire: content deltas, then the finish reason, then (asked for with
      // stream_options.include_usage) a last chunk with no choices and the usage.
      const id = `chatcmpl-${requests.length}`;
      const chunk = (choices: unknown[], extra: Record<string, unknown> = {}) => ({
        id,
        object: 'chat.completion.chunk',
        created: Math.floor(Date.now() / 1000),
        model: record.model,
        choices,
        ...extra,
      });
      const size = usage.chunkChars ?? 48;
      const pieces: unknown[] = [chunk([{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }])];
      const sofar: Array<string | null> = [null];
      for (let i = 0; i < content.length; i += size) {
        pieces.push(chunk([{ index: 0, delta: { content: content.slice(i, i + size) }, finish_reason: null }]));
        sofar.push(content.slice(0, i + size));
      }
      pieces.push(chunk([{ index: 0, delta: {}, finish_reason: finishReason }]));
      if (record.body.stream_options?.include_usage) {
        pieces.push(
          chunk([], {
            usage: {
              prompt_tokens: promptTokens,
              completion_tokens: completionTokens,
              total_tokens: promptTokens + completionTokens,
              ...(usage.cost !== undefined ? { cost: usage.cost } : {}),
            },
          }),
        );
      }
      const log = usage.chunkDelayMs
        ? (index: number) => {
            const text = sofar[index];
            if (text) chunks.push({ model: record.model, text, at: performance.now() });
          }
        : undefined;
      return sse(res, pieces, usage.chunkDelayMs, '[DONE]', log, usage.stallAfterChunks);
    }
    send(res, 200, {
      id: `chatcmpl-${requests.length}`,
      object: 'chat.completion',
      created: Math.floor(Date.now() / 1000),
      model: record.model,
      choices: [{ index: 0, message: { role: 'assistant', content, refusal: null }, finish_reason: finishReason, logprobs: null }],
      usage: {
        prompt_tokens: promptTokens,
        completion_tokens: completionTokens,
        total_tokens: promptTokens + completionTokens,
        ...(usage.cost !== undefined ? { cost: usage.cost } : {}),
      },
    });
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    chunks,
    respond: (name, reply) => void responders.set(name, reply),
    when: (match, behaviour) => rules.add({ ...match, behaviour }),
    reset: () => {
      rules.clear();
      requests.length = 0;
      chunks.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The schema name the gateway writes into the prompt when no response_format carries it. */
export function schemaNameInPrompt(body: any): string | undefined {
  const system = (body?.messages ?? []).find((m: { role?: string }) => m.role === 'system')?.content;
  return typeof system === 'string' ? /JSON Schema, named "([^"]+)"/.exec(system)?.[1] : undefined;
}

/** Server-sent events, one `data:` line per chunk, then `[DONE]`; `delayMs` before each chunk. */
export async function sse(
  res: ServerResponse,
  chunks: unknown[],
  delayMs = 0,
  done = '[DONE]',
  /** Told after each chunk is written, with its index. */
  onWrite?: (index: number) => void,
  /** Writes this many chunks, then goes silent with the connection open. */
  stallAfter?: number,
): Promise<void> {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
  for (let i = 0; i < chunks.length; i++) {
    // The first chunk (the role, or Gemini's first text) goes out at once, as real servers do.
    if (delayMs && i > 0) await new Promise((r) => setTimeout(r, delayMs));
    if (stallAfter !== undefined && i >= stallAfter) return; // never another byte, never the end
    if (res.destroyed) return;
    res.write(`data: ${JSON.stringify(chunks[i])}\n\n`);
    onWrite?.(i);
  }
  if (done) res.write(`data: ${done}\n\n`);
  res.end();
}

export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export function send(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}
