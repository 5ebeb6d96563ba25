import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EnhancementProgressDocument, EnhancementResultDocument, StartEnhancementDocument } from '../../src/client/graphql/graphql.js';
import { dropPrefix, REDIS_ENV, uniquePrefix } from '../helpers/app.js';
import { collect, request, wsClient } from '../helpers/client.js';
import { freePort, spawnRole, waitForHttp, type RunningProcess } from '../helpers/processes.js';
import { JOB_A, RESUME_A } from '../helpers/samples.js';

const prefix = uniquePrefix('multi');
const processes: RunningProcess[] = [];
let apiA: string;
let apiB: string;

beforeAll(async () => {
  const env = { ...REDIS_ENV, IMAGINATOR_PREFIX: prefix };
  const [portA, portB] = await Promise.all([freePort(), freePort()]);
  processes.push(spawnRole('api', { ...env, PORT: String(portA) }));
  processes.push(spawnRole('api', { ...env, PORT: String(portB) }));
  processes.push(spawnRole('worker', env));
  apiA = `http://127.0.0.1:${portA}`;
  apiB = `http://127.0.0.1:${portB}`;
  await Promise.all([waitForHttp(`${apiA}/readyz`, 50_000), waitForHttp(`${apiB}/readyz`, 50_000)]);
}, 60_000);

afterAll(async () => {
  await Promise.all(processes.map((p) => p.stop()));
  await dropPrefix(prefix);
});

describe('two API processes and one worker process on one Redis', () => {
  it('delivers the events of an enhancement started through one API to a subscriber on the other', async () => {
    const { startEnhancement } = await request(`${apiA}/graphql`, StartEnhancementDocument, {
      input: { resumeText: RESUME_A, jobAd: JOB_A },
    });
    const client = wsClient(`${apiB.replace('http', 'ws')}/graphql`);
    const { done } = collect(client, EnhancementProgressDocument, { id: startEnhancement.id });
    const events = (await done).map((d) => d.enhancementProgress);
    await client.dispose();
    expect(events[0]!.type).toBe('QUEUED');
    expect(events.at(-1)!.type).toBe('COMPLETED');
    expect(events.filter((e) => e.type === 'STAGE_COMPLETED')).toHaveLength(7);
    const { enhancement } = await request(`${apiB}/graphql`, EnhancementResultDocument, { id: startEnhancement.id });
    expect(enhancement.status).toBe('COMPLETED');
    expect(enhancement.finalResumeMarkdown).toContain('Acme Analytics');
  }, 60_000);
});
