import { afterAll, describe, expect, it } from 'vitest';
import type { ChannelListener, EventHub } from '../../src/events/hub.js';
import { ProgressStream } from '../../src/events/progress-stream.js';
import { connectRedis, type Redis } from '../../src/redis.js';
import { EnhancementStore } from '../../src/store/enhancement-store.js';
import { dropPrefix, REDIS_URL, uniquePrefix } from '../helpers/app.js';

const prefix = uniquePrefix('stream');
const redis = connectRedis(REDIS_URL, { name: 'stream-test' });
const store = new EnhancementStore(redis, prefix, 600);
afterAll(async () => {
  await redis.quit();
  await dropPrefix(prefix);
});

/** A hub whose messages never arrive: as if pub/sub were slower than the stream. */
const silentHub = { listen: async () => () => undefined } as unknown as EventHub;

const input = { resumeText: 'r', jobAd: 'j', extractedSkills: [], domainInsights: null, confidenceThreshold: 0.7, creativity: 'BALANCED' as const, asOf: '2026-11-21', bypassCache: false };

describe('ProgressStream', () => {
  it('ends with the terminal event even when it was written between the replay and the status check and its message is late', async () => {
    const record = await store.create({ tenant: 't', requestedStages: ['ANALYSIS'], input });
    // The enhancement ends right after the replay has read the stream, before the status is read.
    const racing = new Proxy(redis, {
      get(target, property, receiver) {
        if (property === 'hget') {
          return async (...args: Parameters<Redis['hget']>) => {
            await store.emit(record.id, { type: 'COMPLETED', progress: 1, message: 'done', status: 'COMPLETED' });
            return target.hget(...args);
          };
        }
        const value: unknown = Reflect.get(target, property, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const stream = await ProgressStream.open({ redis: racing, hub: silentHub, keys: store.keys }, record.id, null);
    const types: string[] = [];
    for await (const event of stream) types.push(event.type);
    expect(types).toEqual(['QUEUED', 'COMPLETED']);
  });

  it('resumed after its terminal event, ends at once with nothing', async () => {
    const record = await store.create({ tenant: 't', requestedStages: ['ANALYSIS'], input });
    const done = await store.emit(record.id, { type: 'CANCELLED', progress: 0, message: 'cancelled', status: 'CANCELLED' });
    const stream = await ProgressStream.open({ redis, hub: silentHub, keys: store.keys }, record.id, done!.cursor);
    const events = [];
    for await (const event of stream) events.push(event);
    expect(events).toEqual([]);
  });

  it('after a reconnect, delivers the missed events before a live one that arrives during the catch-up', async () => {
    const record = await store.create({ tenant: 't', requestedStages: ['ANALYSIS'], input });
    let listener: ChannelListener | undefined;
    const hub = { listen: async (_channel: string, l: ChannelListener) => ((listener = l), () => undefined) } as unknown as EventHub;
    const stream = await ProgressStream.open({ redis, hub, keys: store.keys }, record.id, null);
    expect((await stream.next()).value.type).toBe('QUEUED');
    // The subscriber connection was away while two events were written; a third arrives live
    // while the stream is being read again.
    await store.emit(record.id, { type: 'STAGE_STARTED', stage: 'ANALYSIS', progress: 0, message: 's', status: 'RUNNING' });
    await store.emit(record.id, { type: 'STAGE_RETRY', stage: 'ANALYSIS', progress: 0, message: 'r', status: 'RUNNING' });
    const last = await store.emit(record.id, { type: 'STAGE_COMPLETED', stage: 'ANALYSIS', progress: 1, message: 'c', status: 'RUNNING' });
    const { enhancementId: _id, cursor, ...stored } = last!;
    listener!.onReconnect!();
    listener!.onMessage(`${cursor}\n${JSON.stringify(stored)}`);
    const types: string[] = [];
    for (let i = 0; i < 3; i++) types.push((await stream.next()).value.type);
    expect(types).toEqual(['STAGE_STARTED', 'STAGE_RETRY', 'STAGE_COMPLETED']);
    await stream.return();
  });

  it('when the catch-up fails, ends without a terminal event and without an error, so the client resumes with after', async () => {
    const record = await store.create({ tenant: 't', requestedStages: ['ANALYSIS'], input });
    let listener: ChannelListener | undefined;
    const hub = { listen: async (_channel: string, l: ChannelListener) => ((listener = l), () => undefined) } as unknown as EventHub;
    let broken = false;
    const flaky = new Proxy(redis, {
      get(target, property, receiver) {
        if (property === 'xrange' && broken) return async () => Promise.reject(new Error('Connection is closed.'));
        const value: unknown = Reflect.get(target, property, receiver);
        return typeof value === 'function' ? value.bind(target) : value;
      },
    });
    const stream = await ProgressStream.open({ redis: flaky, hub, keys: store.keys }, record.id, null);
    broken = true;
    listener!.onReconnect!();
    const events: string[] = [];
    for await (const event of stream) events.push(event.type);
    expect(events).toEqual(['QUEUED']);
  });
  it('holds a live event that arrives as soon as the channel is subscribed, before the first replay has read the stream', async () => {
    const record = await store.create({ tenant: 't', requestedStages: ['ANALYSIS'], input });
    const started = await store.emit(record.id, { type: 'STAGE_STARTED', stage: 'ANALYSIS', progress: 0, message: 's', status: 'RUNNING' });
    const { enhancementId: _id, cursor, ...stored } = started!;
    // The subscription is confirmed and the next event's message is delivered before listen() returns.
    const hub = {
      listen: async (_channel: string, l: ChannelListener) => {
        l.onMessage(`${cursor}\n${JSON.stringify(stored)}`);
        return () => undefined;
      },
    } as unknown as EventHub;
    const stream = await ProgressStream.open({ redis, hub, keys: store.keys }, record.id, null);
    const types = [(await stream.next()).value.type, (await stream.next()).value.type];
    expect(types).toEqual(['QUEUED', 'STAGE_STARTED']);
    await stream.return();
  });
});
