/**
 * An Imaginator process for benchmarks that need the server apart from the load it takes (query,
 * fanout): `startApp` with BENCH_ROLE (default `all`) and the environment's config. Over IPC it
 * sends `{ url, wsUrl }` once listening, answers `{ cmd: 'rss' }` with its memory after a full GC
 * (run it with --expose-gc), and closes on `{ cmd: 'stop' }`. With BENCH_PROFILE=DIR,
 * `{ cmd: 'profile-start' }` and `{ cmd: 'profile-stop', name }` record a CPU profile of this
 * process's main thread (the inspector's Profiler, started from inside: `--cpu-prof` under tsx also
 * profiles tsx's loader thread, whose profile can overwrite the main thread's) into DIR/NAME.cpuprofile.
 */
import 'reflect-metadata';
import { startApp, type Role } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import type { Session } from 'node:inspector/promises';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { createLogger } from '../../src/logger.js';

const app = await startApp({ config: loadConfig(), role: (process.env.BENCH_ROLE ?? 'all') as Role, logger: createLogger('silent') });
let profiler: Session | null = null;
// `{ cmd: 'eld' }` answers this process's event-loop delay (ms) since the last ask, and starts afresh.
const loopDelay = monitorEventLoopDelay({ resolution: 10 });
loopDelay.enable();
process.on('message', async (message: { cmd: string; id?: number; name?: string }) => {
  if (message.cmd === 'profile-start' && process.env.BENCH_PROFILE) {
    const { Session } = await import('node:inspector/promises');
    profiler = new Session();
    profiler.connect();
    await profiler.post('Profiler.enable');
    await profiler.post('Profiler.setSamplingInterval', { interval: 200 });
    await profiler.post('Profiler.start');
    process.send!({ id: message.id, profiling: true });
  } else if (message.cmd === 'profile-stop' && profiler) {
    const { profile } = await profiler.post('Profiler.stop');
    const { mkdirSync, writeFileSync } = await import('node:fs');
    mkdirSync(process.env.BENCH_PROFILE!, { recursive: true });
    writeFileSync(`${process.env.BENCH_PROFILE}/${message.name ?? 'serve'}.cpuprofile`, JSON.stringify(profile));
    profiler.disconnect();
    profiler = null;
    process.send!({ id: message.id, profiled: true });
  } else if (message.cmd === 'profile-start' || message.cmd === 'profile-stop') {
    process.send!({ id: message.id, profiling: false });
  }
  if (message.cmd === 'eld') {
    process.send!({ id: message.id, p50: loopDelay.percentile(50) / 1e6, p99: loopDelay.percentile(99) / 1e6, max: loopDelay.max / 1e6 });
    loopDelay.reset();
  }
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
