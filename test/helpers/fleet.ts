import { EnhancementProgressDocument, EnhancementResultDocument, StartEnhancementDocument } from '../../src/client/graphql/graphql.js';
import { collect, request, wsClient } from './client.js';
import { freePort, spawnRole, waitForHttp, type RunningProcess } from './processes.js';
import { JOB_A, RESUME_A } from './samples.js';

/** Real processes of the service (spawned entry points) sharing one Redis, prefix and fake model server. */
export class Fleet {
  readonly processes: RunningProcess[] = [];

  constructor(readonly env: Record<string, string>) {}

  async api(extra: Record<string, string> = {}): Promise<{ url: string; wsUrl: string; process: RunningProcess }> {
    return this.serving('api', extra);
  }

  async all(extra: Record<string, string> = {}): Promise<{ url: string; wsUrl: string; process: RunningProcess }> {
    return this.serving('all', extra);
  }

  worker(extra: Record<string, string> = {}): RunningProcess {
    const process = spawnRole('worker', { ...this.env, ...extra });
    this.processes.push(process);
    return process;
  }

  private async serving(role: 'api' | 'all', extra: Record<string, string>) {
    const port = extra.PORT ? Number(extra.PORT) : await freePort();
    const process = spawnRole(role, { ...this.env, PORT: String(port), ...extra });
    this.processes.push(process);
    await waitForHttp(`http://127.0.0.1:${port}/healthz`);
    return { url: `http://127.0.0.1:${port}/graphql`, wsUrl: `ws://127.0.0.1:${port}/graphql`, process };
  }

  async stopAll(): Promise<void> {
    await Promise.all(this.processes.map((p) => p.stop('SIGKILL')));
  }
}

export async function startOne(url: string, input: Record<string, unknown> = {}): Promise<string> {
  const { startEnhancement } = await request(url, StartEnhancementDocument, {
    input: { resumeText: RESUME_A, jobAd: JOB_A, ...input } as never,
  });
  return startEnhancement.id;
}

export async function statusOf(url: string, id: string): Promise<string> {
  return (await request(url, EnhancementResultDocument, { id })).enhancement.status;
}

export async function waitForStatus(url: string, id: string, statuses: string[], timeoutMs: number): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const status = await statusOf(url, id).catch(() => 'UNREACHABLE');
    if (statuses.includes(status)) return status;
    if (Date.now() > deadline) throw new Error(`${id} is ${status} after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Follows an enhancement to its end, resubscribing with `after` whenever the stream breaks. */
export async function followResuming(wsUrl: string, id: string): Promise<{ cursors: string[]; types: string[]; resumes: number }> {
  const cursors: string[] = [];
  const types: string[] = [];
  let resumes = 0;
  for (;;) {
    const client = wsClient(wsUrl);
    try {
      const { done } = collect(client, EnhancementProgressDocument, { id, after: cursors.at(-1) ?? null }, (data) => {
        cursors.push(data.enhancementProgress.cursor);
        types.push(data.enhancementProgress.type);
      });
      await done;
      return { cursors, types, resumes };
    } catch {
      resumes++;
      if (resumes > 50) throw new Error(`gave up following ${id}`);
      await new Promise((resolve) => setTimeout(resolve, 300));
    } finally {
      await client.dispose();
    }
  }
}
