/**
 * Runs a command with Redis available: the one at REDIS_URL when it answers, otherwise a private
 * `redis-server` from PATH on a free port (stopped when the command ends). With REDIS_CLUSTER_NODES set
 * it starts nothing: the command uses that cluster.
 * Usage: tsx scripts/with-redis.ts <command> [args…]
 */
import { spawn, spawnSync } from 'node:child_process';
import { createServer, Socket } from 'node:net';

const [command, ...args] = process.argv.slice(2);
if (!command) {
  console.error('usage: with-redis <command> [args…]');
  process.exit(2);
}

function answers(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (ok: boolean): void => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(1000, () => done(false));
    socket.once('error', () => done(false));
    socket.connect(Number(port || 6379), hostname.replace(/^\[|\]$/g, ''), () => {
      socket.write('PING\r\n');
      socket.once('data', (data) => done(data.toString().startsWith('+PONG') || data.toString().startsWith('-NOAUTH')));
    });
  });
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

const url = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
let privateRedis: ReturnType<typeof spawn> | null = null;
// On a Redis Cluster (REDIS_CLUSTER_NODES) REDIS_URL is not read, and no Redis of our own is started.
const onCluster = !!process.env.REDIS_CLUSTER_NODES?.trim();
if (!onCluster && !(await answers(url))) {
  if (spawnSync('redis-server', ['--version']).error) {
    console.error(
      `imaginator: nothing answers at ${url} and redis-server is not on PATH: install Redis (apt-get install redis-server) or set REDIS_URL`,
    );
    process.exit(1);
  }
  const port = await freePort();
  privateRedis = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], {
    stdio: 'ignore',
  });
  process.env.REDIS_URL = `redis://127.0.0.1:${port}`;
  for (let i = 0; i < 100 && !(await answers(process.env.REDIS_URL)); i++) await new Promise((r) => setTimeout(r, 50));
  console.error(`imaginator: started a private redis-server at ${process.env.REDIS_URL}`);
}

const child = spawn(command, args, { stdio: 'inherit', env: process.env, shell: false });
const stopRedis = (): void => {
  privateRedis?.kill('SIGTERM');
};
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => {
  stopRedis();
  process.exit(code ?? (signal ? 1 : 0));
});
