import type { Redis } from 'ioredis';

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
      for (const state of this.channels.values()) for (const listener of state.listeners) listener.onReconnect?.();
    });
    if (subscriber.status === 'ready') this.connectedOnce = true;
  }

  /** Resolves once Redis has confirmed the subscription; the returned function stops listening. */
  async listen(channel: string, listener: ChannelListener | ((message: string) => void)): Promise<() => void> {
    const entry: ChannelListener = typeof listener === 'function' ? { onMessage: listener } : listener;
    let state = this.channels.get(channel);
    if (!state) {
      state = { listeners: new Set(), subscribed: this.subscriber.subscribe(channel) };
      this.channels.set(channel, state);
    }
    state.listeners.add(entry);
    const current = state;
    const stop = (): void => {
      if (!current.listeners.delete(entry) || current.listeners.size > 0) return;
      if (this.channels.get(channel) === current) this.channels.delete(channel);
      // Commands on one connection run in order, so a later SUBSCRIBE to the same channel is safe.
      this.subscriber.unsubscribe(channel).catch(() => undefined);
    };
    try {
      await current.subscribed;
    } catch (error) {
      stop();
      throw error;
    }
    return stop;
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
