/**
 * The CLI's subscription client resumes a dropped socket with `after` = the last cursor it saw:
 * across a cut connection it receives every event exactly once.
 */
import { createServer, connect, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { ApiClient, type ProgressEvent } from '../../src/cli/client.js';
import { StartEnhancementDocument } from '../../src/client/graphql/graphql.js';
import { createGateway } from '../../src/gateway/index.js';
import { dropPrefix, startTestApp, testConfig } from '../helpers/app.js';
import { JOB_A, RESUME_A } from '../helpers/samples.js';
import { markerGateway } from './support.js';

const config = testConfig();
let app: App;
let proxy: Server;
let proxyUrl: string;
const open = new Set<Socket>();
let connections = 0;

beforeAll(async () => {
  app = await startTestApp({ config, gateway: markerGateway(createGateway(config), 150) });
  const target = new URL(app.api!.url);
  // A TCP proxy in front of the API whose connections the test can cut.
  proxy = createServer((downstream) => {
    connections += 1;
    const upstream = connect(Number(target.port), target.hostname);
    for (const [a, b] of [
      [downstream, upstream],
      [upstream, downstream],
    ] as const) {
      a.pipe(b);
      a.on('error', () => b.destroy());
      a.on('close', () => b.destroy());
    }
    open.add(downstream).add(upstream);
    downstream.on('close', () => open.delete(downstream));
    upstream.on('close', () => open.delete(upstream));
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const { port } = proxy.address() as { port: number };
  proxyUrl = `http://127.0.0.1:${port}/graphql`;
});
afterAll(async () => {
  for (const socket of open) socket.destroy();
  await new Promise((resolve) => proxy?.close(resolve));
  await app?.close();
  await dropPrefix(config.prefix);
});

it('resumes after a dropped socket without missing or repeating an event', async () => {
  const client = new ApiClient({ url: proxyUrl });
  const { startEnhancement } = await client.request(StartEnhancementDocument, {
    input: { resumeText: `${RESUME_A}\nSLOWME`, jobAd: JOB_A },
  });
  const seen: ProgressEvent[] = [];
  const reconnects: string[] = [];
  let cut = false;
  const before = connections;
  const terminal = await client.follow(startEnhancement.id, {
    event: (event) => {
      seen.push(event);
      if (!cut && event.type === 'STAGE_COMPLETED' && event.stage === 'ANALYSIS') {
        cut = true;
        for (const socket of open) socket.destroy(); // the network drops mid-run
      }
    },
    reconnecting: (_attempt, _delay, why) => reconnects.push(why),
  });
  expect(cut).toBe(true);
  expect(reconnects.length).toBeGreaterThanOrEqual(1);
  expect(connections - before).toBeGreaterThanOrEqual(2);
  expect(terminal.type).toBe('COMPLETED');

  // The whole stream, read afresh in one go, is exactly what arrived across the cut.
  const all: ProgressEvent[] = [];
  await new ApiClient({ url: app.api!.url }).follow(startEnhancement.id, { event: (event) => all.push(event) });
  expect(seen.map((e) => e.cursor)).toEqual(all.map((e) => e.cursor));
  expect(new Set(seen.map((e) => e.cursor)).size).toBe(seen.length);
  expect(seen.at(-1)!.type).toBe('COMPLETED');
});
