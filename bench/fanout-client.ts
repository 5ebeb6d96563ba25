/**
 * One of fanout's client processes: one graphql-ws connection per enhancement id it is given, each
 * subscribed to `enhancementProgress` with the contract's document. Latency is taken from the
 * `t=<epoch ms>` the publisher wrote in each live event's message to the moment `next` runs here.
 */
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';

const DOCUMENT = `subscription EnhancementProgress($id: ID!, $after: String) {
  enhancementProgress(id: $id, after: $after) { cursor type stage progress message at enhancement { id status } }
}`;

interface Sub {
  client: Client;
  received: number;
  completed: boolean;
  error: string | null;
}

const now = (): number => performance.timeOrigin + performance.now();
const subs: Sub[] = [];
const latencies: number[] = [];
let replayed = 0;

async function open(url: string, ids: string[], width: number): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: width }, async () => {
      while (next < ids.length) {
        const id = ids[next++]!;
        const sub: Sub = { client: createClient({ url, webSocketImpl: WebSocket, retryAttempts: 0, lazy: true }), received: 0, completed: false, error: null };
        subs.push(sub);
        await new Promise<void>((resolve) => {
          sub.client.subscribe<{ enhancementProgress: { type: string; message: string } }>(
            { query: DOCUMENT, variables: { id } },
            {
              next: (result) => {
                const event = result.data?.enhancementProgress;
                if (!event) {
                  sub.error = JSON.stringify(result.errors);
                  return resolve();
                }
                sub.received++;
                if (event.type === 'QUEUED') {
                  replayed++;
                  resolve();
                } else if (event.message.startsWith('t=')) latencies.push(now() - Number(event.message.slice(2)));
              },
              error: (error) => {
                sub.error = error instanceof Error ? error.message : JSON.stringify(error);
                resolve();
              },
              complete: () => {
                sub.completed = true;
                void sub.client.dispose();
              },
            },
          );
        });
      }
    }),
  );
}

process.on('message', async (message: { cmd: string; id: number; url?: string; ids?: string[] }) => {
  if (message.cmd === 'open') {
    await open(message.url!, message.ids!, 50);
    process.send!({ id: message.id, opened: subs.length, replayed, errors: subs.filter((s) => s.error).length, firstError: subs.find((s) => s.error)?.error ?? null });
  } else if (message.cmd === 'report') {
    process.send!({
      id: message.id,
      latencies,
      subs: subs.length,
      completed: subs.filter((s) => s.completed).length,
      received: subs.reduce((n, s) => n + s.received, 0),
      errors: subs.filter((s) => s.error).length,
    });
  } else if (message.cmd === 'stop') {
    await Promise.all(subs.map((s) => s.client.dispose()));
    process.exit(0);
  }
});
process.on('disconnect', () => process.exit(0));
process.send!({ ready: true });
