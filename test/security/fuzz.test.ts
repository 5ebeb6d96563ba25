import { request as httpRequest } from 'node:http';
import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { useTestApp } from '../helpers/app.js';
import { JOB_A, RESUME_A } from '../helpers/samples.js';

const testApp = useTestApp({ role: 'api' });

/** A small seeded PRNG (mulberry32), so every run sends the same inputs. */
function prng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface RawRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: Buffer | string;
}

/** Sends bytes as they are (fetch would refuse some of these) and returns the status, or 0 when the server hung up. */
function send(port: number, raw: RawRequest): Promise<number> {
  return new Promise((resolve) => {
    const req = httpRequest({ host: '127.0.0.1', port, method: raw.method, path: raw.path, headers: raw.headers }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', () => resolve(0));
    req.setTimeout(10_000, () => req.destroy());
    if (raw.body !== undefined) req.end(raw.body);
    else req.end();
  });
}

const VALID = JSON.stringify({
  query: 'mutation($input: EnhancementInput!) { startEnhancement(input: $input) { id status } }',
  variables: { input: { resumeText: RESUME_A, jobAd: JOB_A, stages: ['ANALYSIS'] } },
});

function httpCases(): RawRequest[] {
  const random = prng(42);
  const json = { 'content-type': 'application/json' };
  const post = (body: string | Buffer, headers: Record<string, string> = json): RawRequest => ({ method: 'POST', path: '/graphql', headers, body });
  const cases: RawRequest[] = [];
  // Broken JSON: the valid request cut short, or with bytes flipped.
  for (let i = 0; i < 200; i++) cases.push(post(VALID.slice(0, Math.floor(random() * VALID.length))));
  for (let i = 0; i < 200; i++) {
    const bytes = Buffer.from(VALID);
    for (let flips = 0; flips < 1 + Math.floor(random() * 8); flips++) bytes[Math.floor(random() * bytes.length)] = Math.floor(random() * 256);
    cases.push(post(bytes));
  }
  // Wrong content types and methods.
  for (const type of ['text/plain', 'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded', 'application/xml', '', 'application/json; charset=latin1', 'application/graphql']) {
    cases.push(post(VALID, type ? { 'content-type': type } : {}));
  }
  for (const method of ['PUT', 'DELETE', 'PATCH', 'OPTIONS', 'HEAD']) cases.push({ method, path: '/graphql', headers: json, body: VALID });
  cases.push({ method: 'GET', path: '/graphql?query=%7B', headers: {} }, { method: 'GET', path: '/graphql?query=mutation%7B__typename%7D', headers: {} });
  cases.push({ method: 'GET', path: `/graphql?query=${'%7B'.repeat(3000)}`, headers: {} }, { method: 'GET', path: '/graphql?variables=%ZZ', headers: {} });
  // Huge bodies.
  cases.push(post(JSON.stringify({ query: `{ __typename }`, variables: { pad: 'x'.repeat(3 * 1024 * 1024) } })));
  cases.push(post(JSON.stringify({ query: `query { ${'__typename '.repeat(200_000)} }` })));
  // Deep, wide and aliased queries.
  for (let depth = 10; depth <= 5000; depth *= 3) cases.push(post(JSON.stringify({ query: `${'{ a '.repeat(depth)}${'}'.repeat(depth)}` })));
  for (let width = 10; width <= 100_000; width *= 4) cases.push(post(JSON.stringify({ query: `{ ${Array.from({ length: width }, (_, i) => `a${i}: __typename`).join(' ')} }` })));
  cases.push(post(JSON.stringify({ query: `{ ${Array.from({ length: 500 }, (_, i) => `e${i}: enhancements(first: 100) { edges { node { id } } }`).join(' ')} }` })));
  cases.push(post(JSON.stringify({ query: 'fragment F on Query { ...F } { ...F }' })));
  // Bad variables.
  const badVariables: unknown[] = [null, 1, 'str', [], { input: null }, { input: 5 }, { input: { resumeText: 1 } }, { input: { resumeText: 'a', jobAd: 'b', stages: 'ALL' } }, { input: { resumeText: 'a', jobAd: 'b', confidenceThreshold: 'high' } }, { input: { resumeText: 'a', jobAd: 'b', extractedSkills: [{}] } }, { input: { resumeText: 'a', jobAd: 'b', domainInsights: [1, 2] } }, { input: { resumeText: '\ud800', jobAd: '\u0000' } }];
  for (const variables of badVariables) cases.push(post(JSON.stringify({ query: JSON.parse(VALID).query, variables })));
  for (let i = 0; i < 40; i++) cases.push(post(JSON.stringify({ query: JSON.parse(VALID).query, variables: { input: { resumeText: 'x'.repeat(Math.floor(random() * 100)), jobAd: random() > 0.5 ? 42 : 'y', stages: [String(random())] } } })));
  // Invalid UTF-8 and odd JSON shapes.
  cases.push(post(Buffer.from([0x7b, 0x22, 0x71, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0xc3, 0x28, 0x22, 0x7d])));
  for (const body of ['[]', '[1,2]', 'null', '"q"', '{"query":null}', '{"query":1}', '{"query":"{ __typename }","variables":"x"}', '{"query":"{ __typename }","extensions":[]}', '{"operationName":5,"query":"{ __typename }"}', '{"query":"query A { __typename } query B { __typename }"}', '{"__proto__":{"x":1},"query":"{ __typename }"}']) {
    cases.push(post(body));
  }
  return cases;
}

/** Raw graphql-ws frames a broken or hostile client might send; each on its own socket. */
function wsCases(): Array<Array<string | Buffer>> {
  const init = JSON.stringify({ type: 'connection_init' });
  const subscribe = (id: unknown, payload: unknown = { query: 'subscription { enhancementProgress(id: "enh_x") { cursor } }' }) =>
    JSON.stringify({ type: 'subscribe', id, payload });
  return [
    ['not json'],
    [Buffer.from([0xff, 0x00, 0x13])],
    [JSON.stringify({ type: 'nope' })],
    [subscribe('1')],
    [init, init],
    [init, subscribe(null)],
    [init, subscribe('x'.repeat(500))],
    [init, subscribe('a', { query: '{' })],
    [init, subscribe('a', { query: 'subscription { enhancementProgress(id: 5) { cursor } }' })],
    [init, subscribe('a', null)],
    [init, subscribe('a'), subscribe('a')],
    [init, JSON.stringify({ type: 'complete', id: 'never-started' })],
    [init, JSON.stringify({ type: 'ping' }), JSON.stringify({ type: 'pong' })],
    [init, 'x'.repeat(300 * 1024)],
    [JSON.stringify({ type: 'connection_init', payload: 'string' })],
    [JSON.stringify({ type: 'connection_init', payload: { authorization: 1 } })],
  ];
}

async function runWsCase(url: string, frames: Array<string | Buffer>): Promise<void> {
  await new Promise<void>((resolve) => {
    const socket = new WebSocket(url, 'graphql-transport-ws');
    const done = (): void => {
      socket.terminate();
      resolve();
    };
    socket.on('open', () => {
      for (const frame of frames) if (socket.readyState === WebSocket.OPEN) socket.send(frame);
      setTimeout(done, 200);
    });
    socket.on('error', done);
    socket.on('close', done);
  });
}

describe('fuzzing the live server', () => {
  it('answers at least 500 malformed inputs without a 5xx, without crashing, and serves normally afterwards', async () => {
    const port = Number(new URL(testApp.app.api!.url).port);
    const cases = httpCases();
    const statuses: number[] = [];
    for (let i = 0; i < cases.length; i += 16) {
      statuses.push(...(await Promise.all(cases.slice(i, i + 16).map((c) => send(port, c)))));
    }
    const frames = wsCases();
    await Promise.all(frames.map((f) => runWsCase(testApp.app.api!.wsUrl, f)));
    const total = cases.length + frames.length;
    console.log(`fuzz: ${total} malformed inputs; HTTP statuses: ${JSON.stringify(countBy(statuses))}`);
    expect(total).toBeGreaterThanOrEqual(500);
    expect(statuses.filter((s) => s >= 500)).toEqual([]);

    const health = await fetch(testApp.app.api!.url.replace('/graphql', '/healthz'));
    expect(health.status).toBe(200);
    const normal = await fetch(testApp.app.api!.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: VALID });
    expect(normal.status).toBe(200);
    expect(((await normal.json()) as { data: { startEnhancement: { status: string } } }).data.startEnhancement.status).toBe('QUEUED');
  }, 120_000);
});

function countBy(values: number[]): Record<number, number> {
  const counts: Record<number, number> = {};
  for (const value of values) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}
