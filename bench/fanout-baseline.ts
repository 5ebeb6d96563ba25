/**
 * fanout's baseline server: bare graphql-ws on `ws` with an in-memory pubsub, the same subscription
 * document as Imaginator's (a replayed QUEUED event, then live events, ending after COMPLETED), and
 * the publisher inside the process (there is no Redis between them). IPC like bench/lib/serve.ts,
 * plus `{ cmd: 'publish', ids, rate }`: one COMPLETED event per id at `rate` events/s.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { buildSchema } from 'graphql';
import { useServer } from 'graphql-ws/use/ws';
import { WebSocketServer } from 'ws';
import { pace } from './lib/pace.js';

const schema = buildSchema(`
  type Enhancement { id: ID! status: String! }
  type Event { cursor: String! type: String! stage: String progress: Float! message: String! at: String! enhancement: Enhancement! }
  type Query { ok: Boolean }
  type Subscription { enhancementProgress(id: ID!, after: String): Event! }
`);

interface Event { cursor: string; type: string; stage: null; progress: number; message: string; at: string; enhancement: { id: string; status: string } }
const listeners = new Map<string, (event: Event) => void>();
let seq = 0;
const eventFor = (id: string, type: string, message: string): Event => ({
  cursor: `${Date.now()}-${seq++}`, type, stage: null, progress: type === 'COMPLETED' ? 1 : 0, message, at: new Date().toISOString(), enhancement: { id, status: type },
});

/** QUEUED first (the replay), then live events until COMPLETED. */
async function* progress(id: string): AsyncGenerator<{ enhancementProgress: Event }> {
  const queue: Event[] = [eventFor(id, 'QUEUED', 'queued')];
  let wake: (() => void) | null = null;
  listeners.set(id, (event) => {
    queue.push(event);
    wake?.();
  });
  try {
    for (;;) {
      while (queue.length) {
        const event = queue.shift()!;
        yield { enhancementProgress: event };
        if (event.type === 'COMPLETED') return;
      }
      await new Promise<void>((resolve) => (wake = resolve));
      wake = null;
    }
  } finally {
    listeners.delete(id);
  }
}

const server = createServer((_req, res) => res.end('ok'));
const wss = new WebSocketServer({ server, path: '/graphql' });
useServer({ schema, roots: { subscription: { enhancementProgress: ({ id }: { id: string }) => progress(id) } } }, wss);
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const { port } = server.address() as AddressInfo;

process.on('message', async (message: { cmd: string; id: number; ids?: string[]; rate?: number }) => {
  if (message.cmd === 'rss') {
    for (let i = 0; i < 3; i++) (globalThis as { gc?: () => void }).gc?.();
    await new Promise((resolve) => setTimeout(resolve, 200));
    process.send!({ id: message.id, rss: process.memoryUsage().rss, listeners: listeners.size });
  } else if (message.cmd === 'publish') {
    const ids = message.ids!;
    let missing = 0;
    await pace(ids.length, message.rate!, (i) => {
      const listener = listeners.get(ids[i]!);
      if (!listener) missing++;
      listener?.(eventFor(ids[i]!, 'COMPLETED', `t=${performance.timeOrigin + performance.now()}`));
    });
    process.send!({ id: message.id, missing });
  } else if (message.cmd === 'stop') {
    process.exit(0);
  }
});
process.on('disconnect', () => process.exit(0));
process.send!({ url: `http://127.0.0.1:${port}/graphql`, wsUrl: `ws://127.0.0.1:${port}/graphql` });
