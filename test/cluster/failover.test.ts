/**
 * A Redis Cluster master dies while enhancements run: the one serving the queue, and (separately)
 * one serving enhancement records. Its replica takes over; every enhancement completes and every
 * subscriber sees COMPLETED, resuming with `after` where its stream broke.
 */
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { App } from '../../src/app.js';
import { followEnhancement } from '../../src/client/follow.js';
import { EnhancementResultDocument, StartEnhancementDocument } from '../../src/client/graphql/graphql.js';
import { createGateway } from '../../src/gateway/index.js';
import { startTestApp, testConfig } from '../helpers/app.js';
import { request } from '../helpers/client.js';
import { delayedGateway } from '../helpers/gateways.js';
import { PrivateCluster } from '../helpers/redis-cluster.js';
import { JOB_A, RESUME_A } from '../helpers/samples.js';

const ENHANCEMENTS = 6;
let cluster: PrivateCluster | undefined;
let app: App | undefined;
afterEach(async () => {
  await app?.close().catch(() => undefined);
  await cluster?.stop();
  app = cluster = undefined;
});

interface Followed {
  types: string[];
  /** The longest time between two events this subscriber received. */
  longestGapMs: number;
  resumes: number;
}

function follow(wsUrl: string, id: string, onEvent: () => void): Promise<Followed> {
  const types: string[] = [];
  let last = Date.now();
  let longestGapMs = 0;
  let resumes = 0;
  return followEnhancement({
    url: wsUrl,
    id,
    webSocketImpl: WebSocket,
    maxReconnects: 100,
    onEvent: (event) => {
      const now = Date.now();
      longestGapMs = Math.max(longestGapMs, now - last);
      last = now;
      types.push(event.type);
      onEvent();
    },
    onReconnecting: () => void (resumes += 1),
  }).done.then(() => ({ types, longestGapMs, resumes }));
}

/** Starts enhancements, kills the master `victim` names once they run, and follows them all to the end. */
async function failOverWhileRunning(victim: (prefix: string, ids: string[]) => string) {
  cluster = await PrivateCluster.start();
  const config = testConfig({ REDIS_CLUSTER_NODES: cluster.seeds, IMAGINATOR_DEADLINE_MS: '300000' });
  // Each model call takes 150 ms: the enhancements are mid-run when the master dies.
  app = await startTestApp({ config, gateway: delayedGateway(createGateway(config), 150) });
  const { url, wsUrl } = app.api!;
  const ids: string[] = [];
  for (let i = 0; i < ENHANCEMENTS; i++) {
    const { startEnhancement } = await request(url, StartEnhancementDocument, {
      input: { resumeText: `${RESUME_A}\nFailover ${i}.`, jobAd: JOB_A, bypassCache: true } as never,
    });
    ids.push(startEnhancement.id);
  }
  let events = 0;
  let lastEventAt = 0;
  const following = ids.map((id) => follow(wsUrl, id, () => ((events += 1), (lastEventAt = Date.now()))));
  await expect.poll(() => events, { timeout: 30_000, interval: 50 }).toBeGreaterThan(ENHANCEMENTS * 3);
  const port = await cluster.masterOf(victim(config.prefix, ids));
  const killedAt = Date.now();
  await cluster.kill(port);
  const followed = await Promise.all(following);
  const lastCompletionMs = lastEventAt - killedAt;
  for (const id of ids) {
    const { enhancement } = await request(url, EnhancementResultDocument, { id });
    expect(enhancement.status).toBe('COMPLETED');
    expect(enhancement.finalResumeMarkdown).toBeTruthy();
  }
  for (const f of followed) {
    expect(f.types.at(-1)).toBe('COMPLETED');
    expect(f.types.filter((t) => t === 'COMPLETED')).toHaveLength(1);
  }
  const longestStallMs = Math.max(...followed.map((f) => f.longestGapMs));
  const resumes = followed.reduce((n, f) => n + f.resumes, 0);
  console.info(`failover: last completion ${lastCompletionMs} ms after the master died; longest subscriber stall ${longestStallMs} ms; ${resumes} resumes`);
  return { lastCompletionMs, longestStallMs };
}

describe('a Redis Cluster master dies mid-run', () => {
  it('the one serving the queue: every enhancement completes and every subscriber sees COMPLETED', async () => {
    await failOverWhileRunning((prefix) => `{${prefix}:q}`);
  }, 120_000);

  it('one serving enhancement records: every enhancement completes and every subscriber sees COMPLETED', async () => {
    await failOverWhileRunning((prefix, ids) => `${prefix}:enh:{${ids[0]}}`);
  }, 120_000);
});
