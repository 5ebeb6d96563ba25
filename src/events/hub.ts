import type { Redis } from 'ioredis';
import { isCluster } from '../redis.js';

export interface ChannelListener {
  onMessage(message: string): void;
  /**
   * Called after the subscriber connection came back from an outage (ioredis re-subscribes by
   * itself): anything published meanwhile was missed and must be read from the stream.
   */
  onReconnect?(): void;
}

interface ChannelState {
  listeners: Set<ChannelListener>;
  subscribed: Promise<unknown>;
}

/**
 * The process's one Redis subscriber connection, shared by every GraphQL subscription:
 * a channel is subscribed while at least one listener wants it.
 */
export class EventHub {
  private readonly channels = new Map<string, ChannelState>();
  private connectedOnce = false;
  /**
   * Channels nobody listens to any more, unsubscribed together once per tick: a stream ends with
   * every terminal event, and one UNSUBSCRIBE (one socket write) per ended stream was the hub's
   * largest cost under fanout (bench/fanout).
   */
  private readonly leaving = new Set<string>();
  private flushScheduled = false;

  constructor(private readonly subscriber: Redis) {
    subscriber.on('message', (channel: string, message: string) => {
      const state = this.channels.get(channel);
      if (!state) return;
      for (const listener of state.listeners) listener.onMessage(message);
    });
    subscriber.on('ready', () => {
      if (!this.connectedOnce) {
        this.connectedOnce = true;
        return;
      }
      this.resync();
    });
    // On a cluster, ioredis moves the subscription to another node by itself when its node goes
    // (a master failing over) and says nothing: a node leaving or joining is the sign to resync.
    if (isCluster(subscriber)) {
      subscriber.on('-node', () => this.resync());
      subscriber.on('+node', () => this.resync());
    }
    if (subscriber.status === 'ready') this.connectedOnce = true;
  }

  /**
   * After the subscriber connection came back (or moved to another node), anything published before
   * the channels were subscribed again was lost to pub/sub. Subscribe again and wait for Redis to
   * confirm, and only then let the listeners read what they missed from the stream: no gap.
   */
  private resync(): void {
    const channels = [...this.channels.keys()];
    if (!channels.length) return;
    this.subscriber.subscribe(...channels).then(
      () => {
        for (const channel of channels) {
          for (const listener of this.channels.get(channel)?.listeners ?? []) listener.onReconnect?.();
        }
      },
      () => undefined, // the connection dropped again: the next 'ready' starts over
    );
  }

  /** Resolves once Redis has confirmed the subscription; the returned function stops listening. */
  async listen(channel: string, listener: ChannelListener | ((message: string) => void)): Promise<() => void> {
    const entry: ChannelListener = typeof listener === 'function' ? { onMessage: listener } : listener;
    let state = this.channels.get(channel);
    if (!state) {
      // Still subscribed while its UNSUBSCRIBE waits for the tick's flush: it must not be sent.
      // SUBSCRIBE again anyway, so that `subscribed` settles with Redis's confirmation as always.
      this.leaving.delete(channel);
      state = { listeners: new Set(), subscribed: this.subscriber.subscribe(channel) };
      this.channels.set(channel, state);
    }
    state.listeners.add(entry);
    const current = state;
    const stop = (): void => {
      if (!current.listeners.delete(entry) || current.listeners.size > 0) return;
      if (this.channels.get(channel) !== current) return;
      this.channels.delete(channel);
      // Commands on one connection run in order, so a later SUBSCRIBE to the same channel is safe;
      // one that comes before the flush takes the channel off `leaving` (see above).
      this.leaving.add(channel);
      this.scheduleFlush();
    };
    try {
      await current.subscribed;
    } catch (error) {
      stop();
      throw error;
    }
    return stop;
  }

  private scheduleFlush(): void {
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => {
      this.flushScheduled = false;
      if (!this.leaving.size) return;
      const channels = [...this.leaving];
      this.leaving.clear();
      this.subscriber.unsubscribe(...channels).catch(() => undefined);
    });
  }

  /** Channels with at least one listener (for metrics and leak tests). */
  get openChannels(): number {
    return this.channels.size;
  }

  /** Listeners on channels whose name starts with `prefix` (say, enhancement events only). */
  listenersOn(prefix: string): number {
    let total = 0;
    for (const [channel, state] of this.channels) if (channel.startsWith(prefix)) total += state.listeners.size;
    return total;
  }

  get openListeners(): number {
    let total = 0;
    for (const state of this.channels.values()) total += state.listeners.size;
    return total;
  }
}
