import 'reflect-metadata';
import { startApp, type Role } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { createLogger } from './logger.js';

const role = (process.argv[2] ?? 'all') as Role;
if (!['all', 'api', 'worker'].includes(role)) {
  console.error(`usage: main.ts [all|api|worker] (got ${role})`);
  process.exit(2);
}

let config;
try {
  config = loadConfig();
} catch (error) {
  console.error(error instanceof ConfigError ? `imaginator: ${error.message}` : error);
  process.exit(1);
}
const logger = createLogger(config.logLevel);
const app = await startApp({ config, role, logger });

let stopping = false;
const stop = (signal: string): void => {
  if (stopping) {
    logger.warn({ signal }, 'second signal: exiting now');
    process.exit(1);
  }
  stopping = true;
  logger.info({ signal, graceMs: config.shutdownGraceMs }, 'shutting down');
  // Stop accepting, drain HTTP and WebSocket, give running stages the grace period, close Redis.
  app.close(config.shutdownGraceMs).then(
    () => process.exit(0),
    (error: unknown) => {
      logger.error({ err: String(error) }, 'shutdown failed');
      process.exit(1);
    },
  );
};
process.on('SIGTERM', () => stop('SIGTERM'));
process.on('SIGINT', () => stop('SIGINT'));
