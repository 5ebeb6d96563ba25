/**
 * A fake Gemini API on loopback: `POST /{version}/models/{model}:generateContent` with the real
 * wire format (candidates, finishReason, usageMetadata). Records every request and behaves per
 * model and per key like the fake OpenAI server. Gemini sends no schema name, so responders
 * are chosen by a predicate on the request body (see `schemaHas`).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { approxTokens, RuleBook, type Behaviour, type RecordedRequest, type Rule } from './behaviours.js';
import { readBody, send, sse } from './openai-server.js';

export * from './behaviours.js';

export interface FakeGemini {
  /** Base URL for `requestOptions.baseUrl` (GOOGLE_BASE_URL). */
  url: string;
  requests: RecordedRequest[];
  /** Answers requests the predicate accepts (first registered wins). */
  respond(match: (body: any) => boolean, reply: (body: any) => unknown): void;
  when(match: Omit<Rule, 'behaviour'>, behaviour: Behaviour): void;
  /** Every reply from now on reports this many thinking tokens (usageMetadata.thoughtsTokenCount). */
  setThoughtsTokens(n: number): void;
  reset(): void;
  close(): Promise<void>;
}

/** A predicate: the request's responseSchema has these top-level properties. */
export function schemaHas(...properties: string[]): (body: any) => boolean {
  return (body) => {
    const props = body?.generationConfig?.responseSchema?.properties ?? {};
    return properties.every((p) => p in props);
  };
}

const STATUS_NAMES: Record<number, string> = {
  400: 'INVALID_ARGUMENT',
  401: 'UNAUTHENTICATED',
  403: 'PERMISSION_DENIED',
  404: 'NOT_FOUND',
  429: 'RESOURCE_EXHAUSTED',
  500: 'INTERNAL',
  503: 'UNAVAILABLE',
};

export async function startFakeGemini(): Promise<FakeGemini> {
  const rules = new RuleBook();
  const responders: Array<[(body: any) => boolean, (body: any) => unknown]> = [];
  const requests: RecordedRequest[] = [];
  let thoughtsTokens: number | undefined;

  const server = createServer((req, res) => {
    void handle(req, res).catch(() => res.destroy());
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const text = await readBody(req);
    const match = /^\/[^/]+\/models\/([^:]+):(generateContent|streamGenerateContent)(\?alt=sse)?$/.exec(req.url ?? '');
    if (req.method !== 'POST' || !match) return send(res, 404, { error: { code: 404, message: 'not found', status: 'NOT_FOUND' } });
    const body = JSON.parse(text);
    const keyHeader = req.headers['x-goog-api-key'];
    const key = typeof keyHeader === 'string' ? keyHeader : null;
    let markClosed!: () => void;
    const streaming = match[2] === 'streamGenerateContent';
    const record: RecordedRequest = {
      model: decodeURIComponent(match[1]),
      name: null,
      key,
      path: req.url ?? '',
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
        const details = behaviour.retryDelaySeconds !== undefined
          ? [{ '@type': 'type.googleapis.com/google.rpc.RetryInfo', retryDelay: `${behaviour.retryDelaySeconds}s` }]
          : undefined;
        return send(
          res,
          behaviour.status,
          { error: { code: behaviour.status, message: behaviour.message ?? `fake status ${behaviour.status}`, status: STATUS_NAMES[behaviour.status] ?? 'UNKNOWN', details } },
          behaviour.headers,
        );
      }
      case 'error-body':
        return send(res, 200, { error: { code: behaviour.code, message: behaviour.message ?? 'error' } });
      case 'stopped':
        return answer(res, record, '', behaviour.reason, {}, streaming);
      case 'raw':
        return answer(res, record, behaviour.content, behaviour.truncated ? 'MAX_TOKENS' : 'STOP', behaviour, streaming);
      case 'ok': {
        const reply = behaviour.reply !== undefined ? behaviour.reply : responders.find(([accepts]) => accepts(body))?.[1];
        if (reply === undefined) {
          record.outcome = 'no-responder';
          return send(res, 400, { error: { code: 400, message: 'the fake has no responder for this request', status: 'INVALID_ARGUMENT' } });
        }
        let object = typeof reply === 'function' ? (reply as (b: any) => unknown)(body) : reply;
        if (behaviour.mutate) object = behaviour.mutate(structuredClone(object), body);
        const json = JSON.stringify(object);
        return answer(res, record, behaviour.wrap ? behaviour.wrap(json) : json, 'STOP', behaviour, streaming);
      }
    }
  }

  async function answer(
    res: ServerResponse,
    record: RecordedRequest,
    content: string,
    finishReason: string,
    usage: { promptTokens?: number; completionTokens?: number; chunkDelayMs?: number; chunkChars?: number; stallAfterChunks?: number },
    streaming = false,
  ): Promise<void> {
    const promptText = JSON.stringify(record.body.contents ?? []) + JSON.stringify(record.body.systemInstruction ?? '');
    const promptTokens = usage.promptTokens ?? approxTokens(promptText);
    const completionTokens = usage.completionTokens ?? approxTokens(content);
    const thoughts = thoughtsTokens ?? 0;
    record.usage = { promptTokens, completionTokens: completionTokens + thoughts };
    const usageMetadata = {
      promptTokenCount: promptTokens,
      candidatesTokenCount: completionTokens,
      ...(thoughts ? { thoughtsTokenCount: thoughts } : {}),
      totalTokenCount: promptTokens + completionTokens + thoughts,
    };
    if (streaming) {
      // Gemini's SSE: each chunk a whole GenerateContentResponse; the last has the finish reason and usage.
      const size = usage.chunkChars ?? 48;
      const chunks: unknown[] = [];
      for (let i = 0; i < content.length; i += size) {
        // Every chunk carries the usage so far, as Gemini's do.
        const sofar = approxTokens(content.slice(0, i + size));
        chunks.push({
          candidates: [{ content: { role: 'model', parts: [{ text: content.slice(i, i + size) }] }, index: 0 }],
          usageMetadata: { promptTokenCount: promptTokens, candidatesTokenCount: sofar, totalTokenCount: promptTokens + sofar },
          modelVersion: record.model,
        });
      }
      chunks.push({
        candidates: [{ content: { role: 'model', parts: [{ text: '' }] }, finishReason, index: 0 }],
        usageMetadata,
        modelVersion: record.model,
      });
      return sse(res, chunks, usage.chunkDelayMs, '', undefined, usage.stallAfterChunks);
    }
    send(res, 200, {
      candidates: [{ content: { role: 'model', parts: [{ text: content }] }, finishReason, index: 0 }],
      usageMetadata,
      modelVersion: record.model,
    });
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    setThoughtsTokens: (n: number) => void (thoughtsTokens = n),
    requests,
    respond: (match, reply) => void responders.push([match, reply]),
    when: (match, behaviour) => rules.add({ ...match, behaviour }),
    reset: () => {
      rules.clear();
      requests.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
