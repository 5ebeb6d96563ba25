import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { freePort } from './processes.js';
import { untilRedisAnswers } from './redis-server.js';

interface Node {
  port: number;
  dir: string;
  process: ChildProcess | null;
}

/**
 * A real local Redis Cluster for tests: three masters with a replica each, every node a
 * `redis-server` from PATH on a free port with its own directory (AOF on), joined by
 * `redis-cli --cluster create`. Nodes can be killed to make their replica take over.
 */
export class PrivateCluster {
  private constructor(private readonly nodes: Node[]) {}

  static async start(masters = 3): Promise<PrivateCluster> {
    const nodes: Node[] = [];
    for (let i = 0; i < masters * 2; i++) {
      nodes.push({ port: await freePort(), dir: mkdtempSync(join(tmpdir(), 'imaginator-cluster-')), process: null });
    }
    const cluster = new PrivateCluster(nodes);
    await Promise.all(nodes.map((node) => cluster.up(node)));
    const created = spawnSync(
      'redis-cli',
      ['--cluster', 'create', ...nodes.map((n) => `127.0.0.1:${n.port}`), '--cluster-replicas', '1', '--cluster-yes'],
      { encoding: 'utf8', timeout: 60_000 },
    );
    if (created.status !== 0) throw new Error(`redis-cli --cluster create failed: ${created.stdout}\n${created.stderr}`);
    await cluster.waitUntilOk();
    return cluster;
  }

  /** `host:port,…` of every node (REDIS_CLUSTER_NODES). */
  get seeds(): string {
    return this.nodes.map((n) => `127.0.0.1:${n.port}`).join(',');
  }

  private async up(node: Node): Promise<void> {
    node.process = spawn(
      'redis-server',
      [
        '--port', String(node.port), '--bind', '127.0.0.1', '--dir', node.dir,
        '--cluster-enabled', 'yes', '--cluster-config-file', 'nodes.conf', '--cluster-node-timeout', '1500',
        // A replica takes over however long ago it last heard from its master (a test kills masters
        // right after the cluster forms).
        '--cluster-replica-validity-factor', '0',
        '--appendonly', 'yes', '--save', '',
      ],
      { stdio: 'ignore' },
    );
    await untilRedisAnswers(node.port);
  }

  /** Every live node says cluster_state:ok and every slot is served. */
  async waitUntilOk(timeoutMs = 30_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const states = await Promise.all(
        this.nodes.filter((n) => n.process).map(async (n) => {
          const client = new Redis(n.port, '127.0.0.1', { lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: () => null });
          client.on('error', () => undefined);
          try {
            await client.connect();
            if (!/cluster_state:ok/.test(await client.cluster('INFO'))) return false;
            // A replica counts once it is in sync with its master.
            const replication = await client.info('replication');
            return !/role:slave/.test(replication) || /master_link_status:up/.test(replication);
          } catch {
            return false;
          } finally {
            client.disconnect();
          }
        }),
      );
      if (states.every(Boolean)) return;
      if (Date.now() > deadline) throw new Error('the cluster did not become ok');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }

  /** The port of the master serving `key`'s slot now. */
  async masterOf(key: string): Promise<number> {
    const live = this.nodes.find((n) => n.process)!;
    const client = new Redis(live.port, '127.0.0.1');
    try {
      const slot = (await client.cluster('KEYSLOT', key)) as number;
      const slots = await client.cluster('SLOTS');
      const range = slots.find(([from, to]) => slot >= from && slot <= to)!;
      return range[2]![1];
    } finally {
      client.disconnect();
    }
  }

  /** Kills a node at once (SIGKILL), as a crash would. */
  async kill(port: number): Promise<void> {
    const node = this.nodes.find((n) => n.port === port)!;
    const child = node.process;
    node.process = null;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }

  async stop(): Promise<void> {
    await Promise.all(this.nodes.map((n) => this.kill(n.port)));
    for (const node of this.nodes) rmSync(node.dir, { recursive: true, force: true });
  }
}
