import { describe, expect, it } from 'vitest';
import { DailyBudget } from '../../src/store/budget.js';
import { EnhancementProgressDocument, StartEnhancementDocument } from '../../src/client/graphql/graphql.js';
import { useTestApp } from '../helpers/app.js';
import { collect, post, wsClient } from '../helpers/client.js';
import { JOB_A, RESUME_A } from '../helpers/samples.js';

const KEY = 'limits-key-0001';
const OTHER = 'limits-key-0002';
const QUERIES = 'limits-key-0003';
const BUDGET = 'limits-key-0004';
const SOCKETS = 'limits-key-0005';
const testApp = useTestApp({ env: {
  IMAGINATOR_API_KEYS: `one:${KEY},two:${OTHER},three:${QUERIES},four:${BUDGET},five:${SOCKETS}`,
  IMAGINATOR_RATE_REQUESTS_PER_MINUTE: '40',
  IMAGINATOR_RATE_ENHANCEMENTS_PER_MINUTE: '3',
  IMAGINATOR_DAILY_BUDGET_USD: '1',
  IMAGINATOR_WS_SUBSCRIPTIONS_PER_CONNECTION: '2',
  IMAGINATOR_WS_CONNECTIONS_PER_KEY: '2',
  IMAGINATOR_MAX_QUERY_DEPTH: '4',
}, role: 'api' });
const as = (key: string) => ({ authorization: `Bearer ${key}` });
const start = (key: string, input: Record<string, unknown> = {}) =>
  post(testApp.app.api!.url, StartEnhancementDocument, { input: { resumeText: RESUME_A, jobAd: JOB_A, stages: ['ANALYSIS'], ...input } as never }, as(key));


describe('rate limits per key, counted in Redis', () => {
  it('refuses the fourth enhancement in a minute with RATE_LIMITED and a retry-after hint; other keys go on', async () => {
    for (let i = 0; i < 3; i++) expect((await start(KEY)).body.errors).toBeUndefined();
    const refused = await start(KEY);
    expect(refused.status).toBe(429);
    expect(refused.body.errors![0]!.extensions).toMatchObject({ code: 'RATE_LIMITED' });
    expect(refused.body.errors![0]!.extensions!.retryAfterSeconds).toBeGreaterThan(0);
    expect((await start(OTHER)).body.errors).toBeUndefined();
  });

  it('refuses requests past the per-minute budget', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 45; i++) statuses.push((await post(testApp.app.api!.url, '{ __typename }', undefined, as(OTHER))).status);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(0);
    expect(statuses.filter((s) => s >= 500)).toEqual([]);
  });
});

describe('the daily budget', () => {
  it('refuses new enhancements once the tenant has spent it', async () => {
    expect((await start(BUDGET)).body.errors).toBeUndefined();
    await new DailyBudget(testApp.app.redis, testApp.config.prefix, 1).spend('four', 1.5);
    const refused = await start(BUDGET);
    expect(refused.body.errors![0]!.extensions!.code).toBe('BUDGET_EXCEEDED');
    expect(refused.body.errors![0]!.message).toMatch(/budget of \$1/);
  });
});

describe('query limits', () => {
  it('refuses a query past the depth limit with QUERY_TOO_COMPLEX', async () => {
    const shallow = await post(testApp.app.api!.url, '{ enhancements { edges { cursor } } }', undefined, as(QUERIES));
    expect(shallow.body.errors).toBeUndefined();
    const deep = await post(testApp.app.api!.url, '{ enhancements { edges { node { skills { high { name } } } } } }', undefined, as(QUERIES));
    expect(deep.body.errors![0]!.extensions!.code).toBe('QUERY_TOO_COMPLEX');
  });

  it('refuses an alias bomb with QUERY_TOO_COMPLEX', async () => {
    const aliases = `{ ${Array.from({ length: 40 }, (_, i) => `a${i}: enhancements(first: 1) { pageInfo { hasNextPage } }`).join(' ')} }`;
    const { body } = await post(testApp.app.api!.url, aliases, undefined, as(QUERIES));
    expect(body.errors![0]!.extensions!.code).toBe('QUERY_TOO_COMPLEX');
  });

  it('refuses a page whose cost passes the limit', async () => {
    const fields = Array.from({ length: 12 }, (_, i) => `f${i}: status`).join(' ');
    const heavy = `{ enhancements(first: 100) { edges { cursor node { id ${fields} } } } }`;
    const { body } = await post(testApp.app.api!.url, heavy, undefined, as(QUERIES));
    expect(body.errors![0]!.extensions!.code).toBe('QUERY_TOO_COMPLEX');
    expect(body.errors![0]!.message).toMatch(/limit is 1000/);
  });

  it('refuses batched operations', async () => {
    const response = await fetch(testApp.app.api!.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...as(QUERIES) },
      body: JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]),
    });
    expect(response.status).toBe(400);
  });
});

describe('WebSocket limits', () => {
  it('caps subscriptions per connection and connections per key', async () => {
    // No worker runs in this app: the enhancement stays queued and its stream stays open.
    const { body } = await start(SOCKETS);
    const id = body.data!.startEnhancement.id;
    const client = wsClient(testApp.app.api!.wsUrl, { apiKey: SOCKETS });
    const subs = [0, 1, 2].map(() => collect(client, EnhancementProgressDocument, { id }));
    for (const sub of subs) sub.done.catch(() => undefined); // ended by dispose below
    const third = await subs[2]!.done.then(() => 'completed', (e: Error) => e.message);
    expect(third).toContain('RATE_LIMITED');
    await expect.poll(() => testApp.app.hub.openListeners).toBeGreaterThanOrEqual(2);

    const second = wsClient(testApp.app.api!.wsUrl, { apiKey: SOCKETS });
    const third2 = wsClient(testApp.app.api!.wsUrl, { apiKey: SOCKETS });
    const okSub = collect(second, EnhancementProgressDocument, { id });
    okSub.done.catch(() => undefined);
    const refused = collect(third2, EnhancementProgressDocument, { id });
    const closed = await refused.done.then(() => 'completed', (e: Error) => e.message);
    expect(closed).toContain('4403');
    okSub.cancel();
    for (const sub of subs) sub.cancel();
    await Promise.all([client.dispose(), second.dispose(), third2.dispose()]);
  });
});

describe('input hygiene', () => {
  it.each([
    ['a NUL byte', `${RESUME_A}\u0000`, /U\+0000/],
    ['a bell', `Jane\u0007 Doe`, /U\+0007/],
    ['a lone surrogate', `Jane \uD800 Doe`, /lone UTF-16 surrogate/],
  ])('refuses %s in the resume with a clear message', async (_name, resumeText, message) => {
    const { body } = await start(QUERIES, { resumeText });
    expect(body.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect(body.errors![0]!.message).toMatch(message);
  });

  it('turns form feeds into newlines and refuses an oversized domainInsights', async () => {
    const ok = await start(QUERIES, { resumeText: `${RESUME_A}\fPage 2` });
    expect(ok.body.errors).toBeUndefined();
    const big = await start(QUERIES, { domainInsights: { blob: 'x'.repeat(20_000) } });
    expect(big.body.errors![0]!.message).toMatch(/domainInsights is \d+ bytes/);
    let deep: Record<string, unknown> = {};
    for (let i = 0; i < 10; i++) deep = { inner: deep };
    const nested = await start(QUERIES, { domainInsights: deep });
    expect(nested.body.errors![0]!.message).toMatch(/nests deeper/);
  });
});
