import type { Redis } from 'ioredis';
import type { Keys } from '../store/keys.js';
import { ACTIVE_STATUSES, TERMINAL_EVENTS, type EnhancementEvent, type EnhancementStatus } from '../store/types.js';
import { compareCursors } from './cursor.js';
import type { EventHub } from './hub.js';

const REPLAY_PAGE = 500;

type StoredEvent = Omit<EnhancementEvent, 'cursor' | 'enhancementId'>;

/**
 * One client's view of an enhancement's events: everything after `after` that the stream holds,
 * then live events, with no gap and no duplicate, ending after the terminal event.
 *
 * It listens on the channel before reading the stream, so an event published while the replay
 * runs is buffered and later dropped if the replay already had it. A plain iterator rather than
 * an async generator: `return()` must end it even while `next()` is waiting, or a client that
 * leaves would keep its listener forever.
 */
export class ProgressStream implements AsyncIterableIterator<EnhancementEvent> {
  private readonly queue: EnhancementEvent[] = [];
  private waiting: ((result: IteratorResult<EnhancementEvent>) => void) | null = null;
  private lastCursor: string | null;
  private stopListening: (() => void) | null = null;
  private finished = false;
  private terminalQueued = false;

  private constructor(
    private readonly id: string,
    after: string | null,
  ) {
    this.lastCursor = after;
  }

  static async open(deps: { redis: Redis; hub: EventHub; keys: Keys }, id: string, after: string | null): Promise<ProgressStream> {
    const stream = new ProgressStream(id, after);
    // While the stream is being read (the first replay, or a catch-up after the subscriber
    // connection came back), live events wait here: accepting one first would move the cursor past
    // the events the read has yet to deliver, and they would be dropped as duplicates.
    const live: EnhancementEvent[] = [];
    let reading = 0;
    // The first replay: its events (and live ones that waited for it) do not end the stream by themselves.
    let replaying = true;
    const readStream = async (from: string | null): Promise<void> => {
      let start = from ? `(${from}` : '-';
      for (;;) {
        const page = await deps.redis.xrange(deps.keys.events(id), start, '+', 'COUNT', REPLAY_PAGE);
        for (const [cursor, fields] of page) {
          const event = parseFields(id, cursor, fields);
          if (event) stream.accept(event, replaying);
        }
        if (page.length < REPLAY_PAGE) return;
        start = `(${page[page.length - 1]![0]}`;
      }
    };
    const catchUp = async (from: string | null): Promise<void> => {
      reading += 1;
      try {
        await readStream(from);
      } finally {
        reading -= 1;
        if (reading === 0) for (const event of live.splice(0)) stream.accept(event, replaying);
      }
    };
    stream.stopListening = await deps.hub.listen(deps.keys.channel(id), {
      onMessage: (message) => {
        const event = parseMessage(id, message);
        if (!event) return;
        // From the moment the channel is subscribed until the first replay is read, and during any later
        // catch-up, a live event waits: accepted first, it would move the cursor past the events the read
        // has yet to deliver.
        if (replaying || reading > 0) live.push(event);
        else stream.accept(event);
      },
      // Events published while the subscriber was away are in the stream: read them from there.
      // A read that fails ends the stream without a terminal event: the client resumes with `after`.
      onReconnect: () => {
        catchUp(stream.lastCursor).catch(() => stream.fail());
      },
    });
    try {
      await catchUp(after);
    } catch (error) {
      await stream.return();
      throw error;
    }
    // The status check below decides whether the replay ended it.
    replaying = false;
    for (const event of live.splice(0)) stream.accept(event);
    // Ended already? Then every event is in the stream (the terminal one is the last write), but
    // the last few may have been written after the replay read it and their messages may still be
    // on their way: read the rest from the stream, then nothing more can come.
    const status = await deps.redis.hget(deps.keys.record(id), 'status');
    if (status && !ACTIVE_STATUSES.includes(status as EnhancementStatus)) {
      try {
        await catchUp(stream.lastCursor);
      } catch (error) {
        await stream.return();
        throw error;
      }
      stream.endWhenDrained();
    }
    return stream;
  }

  /**
   * Live, a terminal event ends the stream. Replayed, it does not: a reader's CHANGES_REVIEWED events
   * are stored after it, and the stream ends once the status check after the replay has read them all.
   */
  private accept(event: EnhancementEvent, replayed = false): void {
    if (this.finished || this.terminalQueued) return;
    if (this.lastCursor && compareCursors(event.cursor, this.lastCursor) <= 0) return;
    this.lastCursor = event.cursor;
    if (!replayed && TERMINAL_EVENTS.includes(event.type)) {
      this.terminalQueued = true;
      this.release();
    }
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = null;
      resolve({ value: event, done: false });
    } else {
      this.queue.push(event);
    }
  }

  /** No event can follow what is queued: the stream ends once the client has read it. */
  private endWhenDrained(): void {
    if (this.terminalQueued) return;
    this.terminalQueued = true;
    this.release();
    if (this.waiting && this.queue.length === 0) {
      const resolve = this.waiting;
      this.waiting = null;
      this.finished = true;
      resolve({ value: undefined, done: true });
    }
  }

  /**
   * Ends the stream early, after what is queued and without a terminal event: the subscription
   * completes, and a client resumes with `after` = the last cursor it saw (an error would read as
   * fatal to clients).
   */
  fail(): void {
    this.endWhenDrained();
  }

  private release(): void {
    this.stopListening?.();
    this.stopListening = null;
  }

  next(): Promise<IteratorResult<EnhancementEvent>> {
    const value = this.queue.shift();
    if (value) return Promise.resolve({ value, done: false });
    if (this.finished || this.terminalQueued) {
      this.finished = true;
      return Promise.resolve({ value: undefined, done: true });
    }
    return new Promise((resolve) => {
      this.waiting = resolve;
    });
  }

  return(): Promise<IteratorResult<EnhancementEvent>> {
    this.finished = true;
    this.queue.length = 0;
    this.release();
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = null;
      resolve({ value: undefined, done: true });
    }
    return Promise.resolve({ value: undefined, done: true });
  }

  throw(error?: unknown): Promise<IteratorResult<EnhancementEvent>> {
    void this.return();
    return Promise.reject(error);
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  get enhancementId(): string {
    return this.id;
  }
}

function parseMessage(id: string, message: string): EnhancementEvent | null {
  const newline = message.indexOf('\n');
  if (newline < 0) return null;
  return toEvent(id, message.slice(0, newline), message.slice(newline + 1));
}

function parseFields(id: string, cursor: string, fields: string[]): EnhancementEvent | null {
  const index = fields.indexOf('e');
  return index >= 0 ? toEvent(id, cursor, fields[index + 1]!) : null;
}

function toEvent(id: string, cursor: string, json: string): EnhancementEvent | null {
  try {
    return { enhancementId: id, cursor, ...(JSON.parse(json) as StoredEvent) };
  } catch {
    return null;
  }
}
