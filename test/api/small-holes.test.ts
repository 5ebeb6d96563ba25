/**
 * Small promises: a worker-only process whose metrics cannot be collected says so (503, a log
 * line) instead of an unhandled rejection; config refuses timeouts a timer cannot hold.
 */
import { afterAll, expect, it } from 'vitest';
import { ConfigError, loadConfig, MAX_TIMER_MS } from '../../src/config.js';
import { createLogger } from '../../src/logger.js';
import { dropPrefix, startTestApp, testConfig } from '../helpers/app.js';
import { freePort } from '../helpers/processes.js';

const prefixes: string[] = [];
afterAll(async () => {
  for (const prefix of prefixes) await dropPrefix(prefix);
});

it('answers /metrics 503 and logs when a gauge cannot be read in a worker-only process, with no unhandled rejection', async () => {
  const port = await freePort();
  const config = testConfig({ IMAGINATOR_METRICS_PORT: String(port) });
  prefixes.push(config.prefix);
  const lines: string[] = [];
  const logger = createLogger('warn', { write: (line: string) => void lines.push(line) });
  const app = await startTestApp({ config, role: 'worker', logger });
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown): void => void unhandled.push(reason);
  process.on('unhandledRejection', onUnhandled);
  try {
    app.queue.queue.getJobCounts = () => Promise.reject(new Error('Connection is closed.'));
    const response = await fetch(`http://127.0.0.1:${port}/metrics`);
    expect(response.status).toBe(503);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(unhandled).toEqual([]);
    expect(lines.some((line) => line.includes('metrics collection failed'))).toBe(true);
  } finally {
    process.off('unhandledRejection', onUnhandled);
    await app.close();
  }
});

it('refuses a timeout or deadline longer than a timer can hold', () => {
  for (const name of ['IMAGINATOR_STAGE_TIMEOUT_MS', 'IMAGINATOR_DEADLINE_MS', 'IMAGINATOR_SHUTDOWN_GRACE_MS', 'IMAGINATOR_RUN_WAIT_MS']) {
    expect(() => loadConfig({ [name]: String(MAX_TIMER_MS + 1) })).toThrow(ConfigError);
    expect(loadConfig({ [name]: String(MAX_TIMER_MS) })).toBeTruthy();
  }
});
