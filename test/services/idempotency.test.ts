/**
 * The contract's idempotency rule: the same key and input answer one enhancement however often and
 * however concurrently sent, through startEnhancement or runEnhancement; another input with the key
 * is IDEMPOTENCY_CONFLICT; a refused or unwritten request leaves the key free; a lost reservation
 * is taken again at once.
 */
import { describe, expect, it } from 'vitest';
import { StartEnhancementDocument } from '../../src/client/graphql/graphql.js';
import { IdempotencyKeys } from '../../src/store/idempotency.js';
import { post } from '../helpers/client.js';
import { testRedis, useTestApp } from '../helpers/app.js';
import { JOB_A, RESUME_A } from '../helpers/samples.js';

const harness = useTestApp();
const RUN = 'mutation($input: EnhancementInput!) { runEnhancement(input: $input) { id status } }';

const input = (key: string, extra: Record<string, unknown> = {}) => ({
  resumeText: RESUME_A,
  jobAd: JOB_A,
  stages: ['ANALYSIS'],
  idempotencyKey: key,
  ...extra,
});

async function start(variables: Record<string, unknown>) {
  const { body } = await post(harness.app.api!.url, StartEnhancementDocument, { input: variables as never });
  return body;
}

describe('idempotencyKey', () => {
  it('answers the same enhancement to 20 concurrent requests, through startEnhancement and runEnhancement alike', async () => {
    const sends = Array.from({ length: 20 }, (_, i) =>
      i % 2 ? start(input('same-20')).then((b) => b.data?.startEnhancement.id) : post(harness.app.api!.url, RUN, { input: input('same-20') }).then((r) => (r.body.data as any)?.runEnhancement.id),
    );
    const ids = await Promise.all(sends);
    expect(ids.every((id) => typeof id === 'string')).toBe(true);
    expect(new Set(ids).size).toBe(1);
  });

  it('answers IDEMPOTENCY_CONFLICT for the same key with another input, defaults applied', async () => {
    const first = await start(input('conflict-1'));
    expect(first.errors).toBeUndefined();
    // The defaults spelled out are the same input.
    const same = await start(input('conflict-1', { creativity: 'BALANCED', confidenceThreshold: 0.7 }));
    expect(same.data?.startEnhancement.id).toBe(first.data!.startEnhancement.id);
    const other = await start(input('conflict-1', { jobAd: `${JOB_A}\nAnother ad.` }));
    expect(other.errors?.[0]?.extensions?.code).toBe('IDEMPOTENCY_CONFLICT');
    const otherStages = await start(input('conflict-1', { stages: ['SUGGEST'] }));
    expect(otherStages.errors?.[0]?.extensions?.code).toBe('IDEMPOTENCY_CONFLICT');
  });

  it('leaves the key free when the enhancement could not be written', async () => {
    const queue = harness.app.queue;
    const enqueue = queue.enqueue.bind(queue);
    queue.enqueue = () => Promise.reject(new Error('queue down'));
    try {
      const refused = await start(input('write-fails'));
      expect(refused.errors?.[0]?.extensions?.code).toBe('INTERNAL_SERVER_ERROR');
    } finally {
      queue.enqueue = enqueue;
    }
    const retried = await start(input('write-fails'));
    expect(retried.errors).toBeUndefined();
    expect(retried.data!.startEnhancement.status).toBe('QUEUED');
  });

  it('takes a key again at once when the enhancement it names is gone', async () => {
    const redis = testRedis('idem-test');
    try {
      // A key whose enhancement was stored and has since gone (expired before the key).
      await redis.set(
        harness.app.store.keys.idempotency('anonymous', 'lost-1'),
        JSON.stringify({ fp: await fingerprint(input('lost-1')), id: 'enh_gone', state: 'created' }),
      );
      const started = Date.now();
      const body = await start(input('lost-1'));
      expect(body.errors).toBeUndefined();
      expect(body.data!.startEnhancement.id).not.toBe('enh_gone');
      expect(Date.now() - started).toBeLessThan(900);
    } finally {
      await redis.quit();
    }
  });

  it('frees a reservation whose holder died once its lease runs out', async () => {
    const redis = testRedis('idem-test');
    try {
      const keys = new IdempotencyKeys(redis, harness.app.store.keys, 600, 200);
      expect(await keys.reserve('t', 'lease', 'fp', 'enh_a')).toEqual({ outcome: 'reserved', id: 'enh_a' });
      expect(await keys.reserve('t', 'lease', 'fp', 'enh_b')).toEqual({ outcome: 'pending', id: 'enh_a' });
      expect(await keys.reserve('t', 'lease', 'other', 'enh_b')).toEqual({ outcome: 'conflict', id: 'enh_a' });
      await new Promise((resolve) => setTimeout(resolve, 300));
      expect(await keys.reserve('t', 'lease', 'fp', 'enh_b')).toEqual({ outcome: 'reserved', id: 'enh_b' });
      await keys.created('t', 'lease', 'enh_b');
      expect(await keys.reserve('t', 'lease', 'fp', 'enh_c')).toEqual({ outcome: 'created', id: 'enh_b' });
      await keys.free('t', 'lease', 'enh_a'); // not the holder: nothing happens
      expect(await keys.reserve('t', 'lease', 'fp', 'enh_c')).toEqual({ outcome: 'created', id: 'enh_b' });
    } finally {
      await redis.quit();
    }
  });
});

async function fingerprint(variables: ReturnType<typeof input>): Promise<string> {
  const { fingerprintOf } = await import('../../src/services/enhancement-service.js');
  const { validateInput } = await import('../../src/schema/validate-input.js');
  return fingerprintOf(validateInput(variables as never, harness.config.limits, new Date()));
}
