import { describe, expect, it } from 'vitest';
import { EnhancementProgressDocument, StartEnhancementDocument } from '../../src/client/graphql/graphql.js';
import { createGateway } from '../../src/gateway/index.js';
import { useTestApp } from '../helpers/app.js';
import { delayedGateway } from '../helpers/gateways.js';
import { collect, request, wsClient } from '../helpers/client.js';
import { JOB_B, RESUME_B } from '../helpers/samples.js';

const ADMIN = 'admin-key-for-tests-99';
// Model calls take 50 ms each, so the subscription is seen open while the enhancement runs.
const testApp = useTestApp({ env: { IMAGINATOR_ADMIN_KEY: ADMIN }, gateway: (config) => delayedGateway(createGateway(config), 50) });
const base = (): string => testApp.app.api!.url.replace(/\/graphql$/, '');

/** The value of one sample line of the Prometheus text format, 0 when absent. */
function sample(text: string, name: string, labels: Record<string, string> = {}): number {
  const wanted = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  const line = text
    .split('\n')
    .find((l) => l.startsWith(`${name}{`) || l.startsWith(`${name} `) ? wanted.every((w) => l.includes(w)) : false);
  return line ? Number(line.slice(line.lastIndexOf(' ') + 1)) : 0;
}

describe('GET /metrics', () => {
  it('shows the counters moved by an enhancement', async () => {
    const before = await (await fetch(`${base()}/metrics`)).text();
    const { startEnhancement } = await request(testApp.app.api!.url, StartEnhancementDocument, {
      input: { resumeText: RESUME_B, jobAd: JOB_B, bypassCache: true },
    });
    const client = wsClient(testApp.app.api!.wsUrl);
    const sub = collect(client, EnhancementProgressDocument, { id: startEnhancement.id });
    await expect.poll(async () => sample(await (await fetch(`${base()}/metrics`)).text(), 'imaginator_open_subscriptions')).toBe(1);
    await sub.done;
    await client.dispose();
    const after = await (await fetch(`${base()}/metrics`)).text();

    const calls = (text: string) => sample(text, 'imaginator_llm_calls_total', { provider: 'local', model: 'local', outcome: 'ok' });
    expect(calls(after) - calls(before)).toBe(8);
    const polish = (text: string) => sample(text, 'imaginator_stage_duration_seconds_count', { stage: 'POLISH', outcome: 'completed' });
    expect(polish(after) - polish(before)).toBe(1);
    const startMutations = (text: string) =>
      sample(text, 'imaginator_graphql_operation_duration_seconds_count', { operation: 'startEnhancement', type: 'mutation', outcome: 'ok' });
    expect(startMutations(after) - startMutations(before)).toBe(1);
    expect(sample(after, 'imaginator_http_request_duration_seconds_count', { route: '/graphql', status: '200' })).toBeGreaterThan(0);
    expect(after).toMatch(/imaginator_queue_jobs\{state="waiting"\} \d+/);
    expect(after).toMatch(/imaginator_stage_cache_misses_total\{stage="ANALYSIS"\} \d+/);
    expect(after).toMatch(/imaginator_stage_cache_hit_ratio \d/);
    await expect.poll(async () => sample(await (await fetch(`${base()}/metrics`)).text(), 'imaginator_open_subscriptions')).toBe(0);
    expect(after).not.toContain('anonymous'); // no tenant label
  });
});

describe('the queue dashboard', () => {
  it('is behind the admin key', async () => {
    expect((await fetch(`${base()}/admin/queues`)).status).toBe(401);
    expect((await fetch(`${base()}/admin/queues`, { headers: { authorization: 'Bearer wrong' } })).status).toBe(401);
    const basic = Buffer.from(`ops:${ADMIN}`).toString('base64');
    const page = await fetch(`${base()}/admin/queues`, { headers: { authorization: `Basic ${basic}` } });
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(/<html/i);
    const api = await fetch(`${base()}/admin/queues/api/queues`, { headers: { authorization: `Bearer ${ADMIN}` } });
    expect(api.status).toBe(200);
    expect(JSON.stringify(await api.json())).toContain('enhancements');
  });
});
