/**
 * An Imaginator process for benchmarks that need the server apart from the load it takes (query,
 * fanout): `startApp` with BENCH_ROLE (default `all`) and the environment's config. Over IPC it
 * sends `{ url, wsUrl }` once listening, answers `{ cmd: 'rss' }` with its memory after a full GC
 * (run it with --expose-gc), and closes on `{ cmd: 'stop' }`.
 */
import 'reflect-metadata';
import { startApp, type Role } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';

const app = await startApp({ config: loadConfig(), role: (process.env.BENCH_ROLE ?? 'all') as Role, logger: createLogger('silent') });
process.on('message', async (message: { cmd: string; id?: number }) => {
  if (message.cmd === 'rss') {
    for (let i = 0; i < 3; i++) (globalThis as { gc?: () => void }).gc?.();
    await new Promise((resolve) => setTimeout(resolve, 200));
    process.send!({ id: message.id, rss: process.memoryUsage().rss, heapUsed: process.memoryUsage().heapUsed, listeners: app.hub.openListeners });
  } else if (message.cmd === 'stop') {
    await app.close().catch(() => undefined);
    process.exit(0);
  }
});
process.on('disconnect', () => process.exit(0));
process.send!({ url: app.api!.url, wsUrl: app.api!.wsUrl });
