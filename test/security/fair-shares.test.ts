/**
 * Fair shares of the worker: a tenant runs at most its share of a worker's slots; the rest of its
 * flood waits in the queue while another tenant's enhancement goes ahead.
 */
import { describe, expect, it } from 'vitest';
import { createGateway } from '../../src/gateway/index.js';
import { useTestApp } from '../helpers/app.js';
import { delayedGateway } from '../helpers/gateways.js';
import { post } from '../helpers/client.js';
import { JOB_A, RESUME_A, RESUME_B } from '../helpers/samples.js';

const GREEDY = 'fair-greedy-0001';
const MODEST = 'fair-modest-0002';
const testApp = useTestApp({
  env: {
    IMAGINATOR_API_KEYS: `greedy:${GREEDY},modest:${MODEST}`,
    IMAGINATOR_WORKER_CONCURRENCY: '4',
    IMAGINATOR_ENHANCEMENTS_PER_TENANT: '2',
  },
  // Every model call takes 250 ms, so enhancements overlap long enough to be counted.
  gateway: (config) => delayedGateway(createGateway(config), 250),
});

const start = async (key: string, resumeText: string): Promise<string> => {
  const { body } = await post<{ startEnhancement: { id: string } }, unknown>(
    testApp.app.api!.url,
    'mutation($input: EnhancementInput!) { startEnhancement(input: $input) { id } }',
    { input: { resumeText, jobAd: JOB_A, stages: ['ANALYSIS'] } },
    { authorization: `Bearer ${key}` },
  );
  expect(body.errors).toBeUndefined();
  return body.data!.startEnhancement.id;
};

describe('fair shares of the worker', () => {
  it("runs at most a tenant's share at once, and another tenant's enhancement goes ahead of the flood", { timeout: 120_000 }, async () => {
    const greedy: string[] = [];
    for (let i = 0; i < 8; i++) greedy.push(await start(GREEDY, `${RESUME_A}\n- Flood item ${i}`));
    const modest = await start(MODEST, RESUME_B);
    const finishedAt = new Map<string, number>();
    let mostGreedyRunning = 0;
    let order = 0;
    while (finishedAt.size < greedy.length + 1) {
      const records = await Promise.all([...greedy, modest].map((id) => testApp.app.store.get(id)));
      mostGreedyRunning = Math.max(mostGreedyRunning, records.slice(0, greedy.length).filter((r) => r?.status === 'RUNNING').length);
      for (const record of records) {
        if (record && ['COMPLETED', 'FAILED', 'CANCELLED'].includes(record.status) && !finishedAt.has(record.id)) finishedAt.set(record.id, order++);
      }
      await new Promise((resolve) => setTimeout(resolve, 30));
    }
    const statuses = await Promise.all([...greedy, modest].map(async (id) => (await testApp.app.store.get(id))!.status));
    expect(statuses.every((s) => s === 'COMPLETED')).toBe(true);
    expect(mostGreedyRunning).toBeGreaterThan(0);
    expect(mostGreedyRunning).toBeLessThanOrEqual(2);
    // Queued last, it finished among the first few: it did not wait for the greedy tenant's eight.
    expect(finishedAt.get(modest)!).toBeLessThan(4);
  });
});
