/**
 * What a hostile client tries against the API's transports: reading the schema in production,
 * cross-origin WebSockets and rebinding, slow or never-ending requests, bodies built to crash
 * the parser, a socket that never reads, and strings that would poison what is stored.
 */
import { get } from 'node:http';
import { connect } from 'node:net';
import { afterEach, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { loadConfig } from '../../src/config.js';
import { SLOW_CLIENT_REASON } from '../../src/api/ws-transport.js';
import { StartEnhancementDocument } from '../../src/client/graphql/graphql.js';
import { useTestApp } from '../helpers/app.js';
import { post, wsClient } from '../helpers/client.js';
import { largeJobAd, largeResume } from '../helpers/large-inputs.js';
import { JOB_A, RESUME_A } from '../helpers/samples.js';

const KEY = 'hostile-key-0001';
const production = useTestApp({ env: { NODE_ENV: 'production', IMAGINATOR_API_KEYS: `acme:${KEY}` }, role: 'api' });
const local = useTestApp({
  env: {
    IMAGINATOR_ALLOWED_ORIGINS: 'https://app.example.com',
    IMAGINATOR_HEADERS_TIMEOUT_MS: '1000',
    IMAGINATOR_REQUEST_TIMEOUT_MS: '2000',
    IMAGINATOR_WS_MAX_BUFFERED_BYTES: String(1024 * 1024),
    IMAGINATOR_METRICS_KEY: 'metrics-key-0001',
    IMAGINATOR_ADMIN_KEY: 'admin-key-0001',
  },
  role: 'api',
});
const as = { authorization: `Bearer ${KEY}` };
// Its own prefix, so its count of wrong keys from 127.0.0.1 touches no other app here.
const guarded = useTestApp({ env: { IMAGINATOR_API_KEYS: `acme:${KEY}`, IMAGINATOR_AUTH_FAILURES_PER_MINUTE: '5' }, role: 'api' });

/** Runs one operation over graphql-ws and returns the errors it ended with (or none). */
function overWs(url: string, query: string, connectionParams?: Record<string, unknown>): Promise<Array<{ message: string; extensions?: Record<string, unknown> }>> {
  const client = wsClient(url, connectionParams);
  return new Promise((resolve, reject) => {
    const errors: Array<{ message: string; extensions?: Record<string, unknown> }> = [];
    client.subscribe(
      { query },
      {
        next: (result) => errors.push(...((result.errors ?? []) as never[])),
        error: (error) => {
          void client.dispose();
          if (Array.isArray(error)) resolve(error as never);
          else if (error instanceof Error) reject(error);
          else reject(new Error(`socket closed ${(error as { code?: number }).code ?? JSON.stringify(error)}`));
        },
        complete: () => {
          void client.dispose();
          resolve(errors);
        },
      },
    );
  });
}

/** The status a WebSocket upgrade is answered with (101 when it is accepted). */
function upgradeStatus(url: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(url, 'graphql-transport-ws', { headers });
    socket.once('upgrade', (response) => {
      socket.close();
      resolve(response.statusCode ?? 0);
    });
    socket.once('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
    socket.once('error', reject);
  });
}

describe('production hides the schema on every transport', () => {
  it('refuses introspection over graphql-ws as over HTTP', async () => {
    const errors = await overWs(production.app.api!.wsUrl, '{ __schema { types { name } } }', as);
    expect(errors.length).toBeGreaterThan(0);
    expect(errors[0]!.message).toMatch(/introspection/i);
    const typeQuery = await overWs(production.app.api!.wsUrl, '{ __type(name: "Enhancement") { fields { name } } }', as);
    expect(typeQuery[0]!.message).toMatch(/introspection/i);
  });

  it.each([
    ['a misspelt field', '{ enhancemnts(first: 1) { edges { cursor } } }'],
    ['a misspelt argument', '{ enhancements(frist: 1) { edges { cursor } } }'],
    ['a misspelt enum value', 'mutation { startEnhancement(input: { resumeText: "a", jobAd: "b", stages: [ANALYSYS] }) { id } }'],
  ])('names nothing of the schema it was not asked for: %s (HTTP and WebSocket)', async (_name, query) => {
    const http = await post(production.app.api!.url, query, undefined, as);
    expect(http.body.errors?.length).toBeGreaterThan(0);
    const ws = await overWs(production.app.api!.wsUrl, query, as);
    expect(ws.length).toBeGreaterThan(0);
    for (const error of [...http.body.errors!, ...ws]) expect(error.message).not.toMatch(/Did you mean/i);
    // Outside production the hints stay: they help a developer.
    const dev = await post(local.app.api!.url, query);
    expect(dev.body.errors![0]!.message).toMatch(/Did you mean/);
  });
});

/** GET /healthz with a `Host` of our choosing (fetch will not send one). */
function hostStatus(port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    get({ host: '127.0.0.1', port, path: '/healthz', headers: { host } }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    }).on('error', reject);
  });
}

describe('cross-origin WebSockets and DNS rebinding', () => {
  it("accepts a WebSocket from the page's own origin, a listed origin and a client with no Origin; refuses another origin", async () => {
    const url = local.app.api!.wsUrl;
    const own = new URL(url).host;
    expect(await upgradeStatus(url, { origin: `http://${own}` })).toBe(101);
    expect(await upgradeStatus(url, { origin: 'https://app.example.com' })).toBe(101);
    expect(await upgradeStatus(url, {})).toBe(101);
    expect(await upgradeStatus(url, { origin: 'https://evil.example' })).toBe(403);
    expect(await upgradeStatus(url, { origin: 'null' })).toBe(403);
  });

  it('with auth off, answers only loopback Host names, over HTTP and WebSocket', async () => {
    const { port } = new URL(local.app.api!.url);
    const at = (host: string, to = port) => hostStatus(Number(to), host);
    expect(await at(`localhost:${port}`)).toBe(200);
    expect(await at(`127.0.0.1:${port}`)).toBe(200);
    expect(await at(`[::1]:${port}`)).toBe(200);
    expect(await at(`rebind.attacker.example:${port}`)).toBe(403);
    expect(await upgradeStatus(local.app.api!.wsUrl, { host: `rebind.attacker.example:${port}` })).toBe(403);
    // With keys, the Host is not the guard: any name is served.
    const { port: prodPort } = new URL(production.app.api!.url);
    expect(await at('api.example.com', prodPort)).toBe(200);
  });
});

/** Opens a raw TCP connection, writes `first`, and resolves with how long the server took to close it. */
function closedAfter(port: number, first: string, trickle?: string): Promise<{ ms: number; reply: string }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const socket = connect(port, '127.0.0.1', () => socket.write(first));
    let reply = '';
    const drip = trickle ? setInterval(() => socket.writable && socket.write(trickle), 200) : null;
    socket.on('data', (chunk) => (reply += chunk.toString()));
    socket.on('close', () => {
      if (drip) clearInterval(drip);
      resolve({ ms: performance.now() - started, reply });
    });
    socket.on('error', (error) => (error as NodeJS.ErrnoException).code === 'ECONNRESET' || reject(error));
    setTimeout(() => socket.destroy(new Error('the server never closed the connection')), 20_000).unref();
  });
}

describe('slow and greedy clients', () => {
  it('closes a connection whose headers never end', async () => {
    const { port } = new URL(local.app.api!.url);
    // Headers trickle in, a byte every 200 ms, and never finish.
    const { ms, reply } = await closedAfter(Number(port), 'POST /graphql HTTP/1.1\r\nHost: localhost\r\n', 'x');
    expect(ms).toBeLessThan(6_000);
    expect(reply === '' || reply.startsWith('HTTP/1.1 408')).toBe(true);
  });

  it('closes a connection whose body never ends', async () => {
    const { port } = new URL(local.app.api!.url);
    const head = 'POST /graphql HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{"query":"';
    const { ms } = await closedAfter(Number(port), head, 'a');
    expect(ms).toBeLessThan(8_000);
  });

  it('answers a JSON body nested 200,000 deep with 400 and nothing on stderr', async () => {
    const stderr = vi.spyOn(process.stderr, 'write');
    const body = `{"query":"{ __typename }","variables":{"x":${'['.repeat(200_000)}${']'.repeat(200_000)}}}`;
    const response = await fetch(local.app.api!.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(response.status).toBe(400);
    const answer = (await response.json()) as { errors: Array<{ message: string; extensions: { code: string } }> };
    expect(answer.errors[0]!.message).toMatch(/nests deeper than 64/);
    expect(JSON.stringify(answer)).not.toMatch(/at .*\.(ts|js):\d+/);
    // A body that is not JSON at all: 400 too, no stack.
    const broken = await fetch(local.app.api!.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
    expect(broken.status).toBe(400);
    expect(stderr).not.toHaveBeenCalled();
    stderr.mockRestore();
  });

  it('closes a WebSocket that does not read once its send buffer passes the bound (4400)', async () => {
    const socket = new WebSocket(local.app.api!.wsUrl, 'graphql-transport-ws');
    await new Promise((resolve) => socket.once('open', resolve));
    socket.send(JSON.stringify({ type: 'connection_init' }));
    await new Promise((resolve) => socket.once('message', resolve)); // connection_ack
    const closed = new Promise<{ code: number; reason: string }>((resolve) => socket.once('close', (code, reason) => resolve({ code, reason: String(reason) })));
    let results = 0;
    socket.on('message', () => results++);
    // Stop reading; each answer below quotes its 50 KB variable twice in its error message.
    (socket as unknown as { _socket: import('node:net').Socket })._socket.pause();
    const big = 'z'.repeat(50_000);
    const SENT = 300; // ~30 MB of answers, far past what the kernel's buffers absorb
    for (let i = 0; i < SENT; i++) {
      socket.send(JSON.stringify({ id: `q${i}`, type: 'subscribe', payload: { query: 'query($n: Int) { enhancements(first: $n) { edges { cursor } } }', variables: { n: big } } }));
    }
    while (socket.bufferedAmount > 0) await new Promise((resolve) => setTimeout(resolve, 50)); // our requests are out
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const rss = process.memoryUsage().rss;
    (socket as unknown as { _socket: import('node:net').Socket })._socket.resume();
    const { code, reason } = await closed;
    expect(code).toBe(4400);
    expect(reason).toBe(SLOW_CLIENT_REASON);
    expect(results).toBeLessThan(SENT);
    expect(rss).toBeLessThan(2 * 1024 ** 3);
  });
});

describe('query cost counts the text a field reads', () => {
  const audits = (n: number) =>
    `query($o: String!, $t: String!, $j: String) { ${Array.from({ length: n }, (_, i) => `a${i}: verifyTailoring(original: $o, tailored: $t, jobAd: $j) { faithful }`).join(' ')} }`;
  const variables = { o: largeResume(60_000, 1), t: largeResume(60_000, 2), j: largeJobAd(30_000) };

  it('lets one request carry three maximum-size audits, not four (let alone thirty)', async () => {
    for (const n of [4, 30]) {
      const { status, body } = await post(production.app.api!.url, audits(n), variables, as);
      expect(status).toBe(400);
      expect(body.errors![0]!.extensions!.code).toBe('QUERY_TOO_COMPLEX');
    }
    const three = await post(production.app.api!.url, audits(3), variables, as);
    expect(three.body.errors).toBeUndefined();
    // Small audits stay cheap: thirty aliases of a short text pass.
    const small = await post(production.app.api!.url, audits(30), { o: RESUME_A, t: RESUME_A, j: JOB_A }, as);
    expect(small.body.errors).toBeUndefined();
  });
});

describe('the queue dashboard', () => {
  it('takes state-changing requests only from its own page', async () => {
    const base = local.app.api!.url.replace(/\/graphql$/, '');
    const basic = `Basic ${Buffer.from('ops:admin-key-0001').toString('base64')}`;
    const retry = `${base}/admin/queues/api/queues/${encodeURIComponent(local.app.queue.queue.name)}/retry/failed`;
    const foreign = await fetch(retry, { method: 'PUT', headers: { authorization: basic, origin: 'https://evil.example' } });
    expect(foreign.status).toBe(403);
    const bare = await fetch(retry, { method: 'PUT', headers: { authorization: basic } });
    expect(bare.status).toBe(403);
    const own = await fetch(retry, { method: 'PUT', headers: { authorization: basic, origin: base } });
    expect(own.status).not.toBe(403);
    expect(own.status).toBeLessThan(500);
    // Reading stays open to the key holder.
    expect((await fetch(`${base}/admin/queues/api/queues`, { headers: { authorization: basic } })).status).toBe(200);
  });
});

describe('failed authentication per client address', () => {
  it('refuses an address for the rest of the minute after five wrong keys, over HTTP and WebSocket, even with the right key', async () => {
    const url = guarded.app.api!.url;
    for (let i = 0; i < 5; i++) {
      const wrong = await post(url, '{ __typename }', undefined, { authorization: `Bearer guess-${i}` });
      expect(wrong.status).toBe(401);
    }
    const blocked = await post(url, '{ __typename }', undefined, as);
    expect(blocked.status).toBe(429);
    expect(blocked.body.errors![0]!.extensions!.code).toBe('RATE_LIMITED');
    await expect(overWs(guarded.app.api!.wsUrl, '{ __typename }', as)).rejects.toThrow(/4403/);
    // Another address (here: the limit's counter cleared, as after the minute) gets in with the right key.
    await guarded.app.redis.del(`${guarded.config.prefix}:rl:authfail:127.0.0.1`, `${guarded.config.prefix}:rl:authfail:::ffff:127.0.0.1`);
    expect((await post(url, '{ __typename }', undefined, as)).status).toBe(200);
  });
});

describe('metrics and configuration', () => {
  it('asks for the metrics key when one is set', async () => {
    const base = local.app.api!.url.replace(/\/graphql$/, '');
    expect((await fetch(`${base}/metrics`)).status).toBe(401);
    expect((await fetch(`${base}/metrics`, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
    const ok = await fetch(`${base}/metrics`, { headers: { authorization: 'Bearer metrics-key-0001' } });
    expect(ok.status).toBe(200);
    expect(await ok.text()).toMatch(/imaginator_/);
  });

  it('refuses to start when IMAGINATOR_API_KEYS is set but holds no key, instead of turning auth off', () => {
    for (const keys of ['', ' ', ',', ' , ,']) {
      expect(() => loadConfig({ IMAGINATOR_API_KEYS: keys })).toThrow(/IMAGINATOR_API_KEYS/);
    }
    expect(loadConfig({}).apiKeys).toBeNull();
  });
});

describe('every stored string is clean', () => {
  const start = (input: Record<string, unknown>) =>
    post(production.app.api!.url, StartEnhancementDocument, { input: { resumeText: RESUME_A, jobAd: JOB_A, stages: ['ANALYSIS'], ...input } as never }, as);

  it.each([
    ['a NUL in a domainInsights value', { domainInsights: { domain: 'fin\u0000tech' } }, /domainInsights\.domain.*U\+0000/],
    ['a lone surrogate in a nested domainInsights value', { domainInsights: { trends: ['ok', 'bad \uD800 here'] } }, /domainInsights\.trends\[1\].*surrogate/],
    ['a control character in a domainInsights key', { domainInsights: { 'do\u0007main': 'x' } }, /domainInsights \(a key\).*U\+0007/],
    ['a NUL in the idempotencyKey', { idempotencyKey: 'key\u0000one' }, /idempotencyKey.*U\+0000/],
    ['a newline in the idempotencyKey', { idempotencyKey: 'key\none' }, /idempotencyKey.*U\+000A/],
    ['a lone surrogate in the idempotencyKey', { idempotencyKey: 'key\uDC00' }, /idempotencyKey.*surrogate/],
    ['an escape character in a skill name', { extractedSkills: [{ name: 'Go\u001b[31m', confidence: 0.9 }] }, /extractedSkills.*U\+001B/],
  ])('refuses %s with BAD_USER_INPUT, storing nothing', async (_name, input, message) => {
    const before = await production.app.store.list('acme', 100, null);
    const { body } = await start(input);
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(body.errors![0]!.message).toMatch(message);
    expect((await production.app.store.list('acme', 100, null)).records.length).toBe(before.records.length);
  });
});

afterEach(() => vi.restoreAllMocks());
