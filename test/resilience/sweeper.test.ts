/**
 * No record outlives its deadline: the sweeper fails what is still QUEUED or RUNNING past it, even
 * with no worker alive; a job out of attempts ends its enhancement (BullMQ's state says so).
 */
import { afterAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { EnhancementProgressDocument, EnhancementResultDocument, StartEnhancementDocument } from '../../src/client/graphql/graphql.js';
import { Lease } from '../../src/store/lease.js';
import { dropPrefix, startTestApp, testConfig } from '../helpers/app.js';
import { collect, request, wsClient } from '../helpers/client.js';
import { JOB_A, RESUME_A } from '../helpers/samples.js';

const apps: App[] = [];
const prefixes: string[] = [];
afterAll(async () => {
  await Promise.all(apps.map((app) => app.close()));
  await Promise.all(prefixes.map((prefix) => dropPrefix(prefix)));
});

async function start(env: Record<string, string>, role: 'api' | 'worker' | 'all') {
  const config = testConfig(env);
  const app = await startTestApp({ config, role });
  apps.push(app);
  prefixes.push(config.prefix);
  return { app, config };
}

describe('the deadline sweeper', () => {
  it('fails an enhancement that no worker ever takes once its deadline passes, and its subscribers see FAILED', async () => {
    // An API alone: every worker died.
    const { app } = await start({ IMAGINATOR_DEADLINE_MS: '1500' }, 'api');
    const { startEnhancement } = await request(app.api!.url, StartEnhancementDocument, {
      input: { resumeText: RESUME_A, jobAd: JOB_A, stages: ['ANALYSIS'] } as never,
    });
    const client = wsClient(app.api!.wsUrl);
    const events = (await collect(client, EnhancementProgressDocument, { id: startEnhancement.id }).done).map((d) => d.enhancementProgress);
    await client.dispose();
    expect(events.map((e) => e.type)).toEqual(['QUEUED', 'FAILED']);
    const { enhancement } = await request(app.api!.url, EnhancementResultDocument, { id: startEnhancement.id });
    expect(enhancement.status).toBe('FAILED');
    expect(enhancement.error?.code).toBe('DEADLINE_EXCEEDED');
    expect(enhancement.stages.map((s) => s.status)).toEqual(['SKIPPED']);
  });

  it('is held by one process at a time, and taken over when its holder stops renewing', async () => {
    const { app, config } = await start({}, 'api');
    const key = `${config.prefix}:lease-test`;
    const a = new Lease(app.redis, key, 300);
    const b = new Lease(app.redis, key, 300);
    expect(await a.hold()).toBe(true);
    expect(await b.hold()).toBe(false);
    expect(await a.hold()).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(await b.hold()).toBe(true);
    expect(await a.hold()).toBe(false);
  });
});

describe('a job out of attempts', () => {
  it('ends its enhancement with WORKER_FAILED', async () => {
    const { app } = await start({}, 'all');
    const record = await app.store.create({
      tenant: 'anonymous',
      requestedStages: ['ANALYSIS'],
      input: { resumeText: 'r', jobAd: 'j', extractedSkills: [], domainInsights: null, confidenceThreshold: 0.7, creativity: 'BALANCED', asOf: '2026-11-21', bypassCache: false },
    });
    // A record the worker cannot read: every attempt of its job fails.
    await app.redis.hset(app.store.keys.record(record.id), 'meta', '{not json');
    await app.queue.enqueue(record.id);
    const deadline = Date.now() + 20_000;
    while ((await app.store.status(record.id)) !== 'FAILED' && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await app.store.status(record.id)).toBe('FAILED');
    expect(JSON.parse((await app.redis.hget(app.store.keys.record(record.id), 'error'))!).code).toBe('WORKER_FAILED');
  });
});
