import type { Redis } from 'ioredis';
import type { Keys } from '../store/keys.js';
import { ACTIVE_STATUSES, TERMINAL_EVENTS, type EnhancementStatus, type EventType } from '../store/types.js';
import type { EventHub } from './hub.js';
import { previewChannel, type StagePreviewMessage } from './previews.js';

/**
 * One client's live preview of an enhancement: the text its writing stages publish, from the
 * moment it listens, ending when the enhancement ends (a terminal event on its event channel, or
 * the record already terminal when it starts).
 *
 * A slow client is never queued a backlog: each preview is whole, so only the latest one not yet
 * read is kept. A plain iterator rather than an async generator, so that `return()` ends it even
 * while `next()` waits (a client that leaves mid-stream leaves no listener behind).
 */
export class PreviewStream implements AsyncIterableIterator<StagePreviewMessage> {
  private pending: StagePreviewMessage | null = null;
  private waiting: ((result: IteratorResult<StagePreviewMessage>) => void) | null = null;
  private stops: Array<() => void> = [];
  private ended = false;

  static async open(deps: { redis: Redis; hub: EventHub; keys: Keys }, id: string): Promise<PreviewStream> {
    const stream = new PreviewStream();
    try {
      // Listen first, then look at the record: an end that happens in between is heard.
      stream.stops.push(
        await deps.hub.listen(previewChannel(deps.keys.prefix, id), (message) => {
          try {
            stream.offer(JSON.parse(message) as StagePreviewMessage);
          } catch {
            // not a preview
          }
        }),
      );
      stream.stops.push(
        await deps.hub.listen(deps.keys.channel(id), (message) => {
          const json = message.slice(message.indexOf('\n') + 1);
          try {
            if (TERMINAL_EVENTS.includes((JSON.parse(json) as { type: EventType }).type)) stream.end();
          } catch {
            // not an event
          }
        }),
      );
      const status = await deps.redis.hget(deps.keys.record(id), 'status');
      if (!status || !ACTIVE_STATUSES.includes(status as EnhancementStatus)) stream.end();
    } catch (error) {
      await stream.return();
      throw error;
    }
    return stream;
  }

  private offer(preview: StagePreviewMessage): void {
    if (this.ended) return;
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = null;
      resolve({ value: preview, done: false });
    } else {
      this.pending = preview;
    }
  }

  /** No more previews: what is pending is still delivered, then the stream is done. */
  private end(): void {
    if (this.ended) return;
    this.ended = true;
    this.release();
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = null;
      resolve({ value: undefined, done: true });
    }
  }

  private release(): void {
    for (const stop of this.stops.splice(0)) stop();
  }

  next(): Promise<IteratorResult<StagePreviewMessage>> {
    if (this.pending) {
      const value = this.pending;
      this.pending = null;
      return Promise.resolve({ value, done: false });
    }
    if (this.ended) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => (this.waiting = resolve));
  }

  return(): Promise<IteratorResult<StagePreviewMessage>> {
    this.pending = null;
    this.end();
    return Promise.resolve({ value: undefined, done: true });
  }

  throw(error?: unknown): Promise<IteratorResult<StagePreviewMessage>> {
    void this.return();
    return Promise.reject(error);
  }

  [Symbol.asyncIterator](): this {
    return this;
  }
}
