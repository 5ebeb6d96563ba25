import { describe, expect, it } from 'vitest';
import { createGateway } from '../../src/gateway/index.js';
import { EnhancementProgressDocument, StartEnhancementDocument } from '../../src/client/graphql/graphql.js';
import { useTestApp } from '../helpers/app.js';
import { collect, post, request, wsClient } from '../helpers/client.js';
import { delayedGateway } from '../helpers/gateways.js';
import { JOB_A, RESUME_A } from '../helpers/samples.js';

// Each model call takes 40 ms, so subscribers can join while the enhancement runs.
const testApp = useTestApp({ gateway: (config) => delayedGateway(createGateway(config), 40) });


async function follow(id: string, after?: string | null, onEach?: (cursor: string, type: string) => void) {
  const client = wsClient(testApp.app.api!.wsUrl);
  try {
    const { done } = collect(client, EnhancementProgressDocument, { id, after }, (d) =>
      onEach?.(d.enhancementProgress.cursor, d.enhancementProgress.type),
    );
    return (await done).map((d) => d.enhancementProgress);
  } finally {
    await client.dispose();
  }
}

describe('enhancementProgress replays, then streams, with no gap and no duplicate', () => {
  it('serves an early, a late, a resuming and a post-completion subscriber exactly what each should see', async () => {
    const { startEnhancement } = await request(testApp.app.api!.url, StartEnhancementDocument, {
      input: { resumeText: RESUME_A, jobAd: JOB_A, bypassCache: true },
    });
    const id = startEnhancement.id;
    const late: Promise<Awaited<ReturnType<typeof follow>>>[] = [];
    const resumed: Promise<Awaited<ReturnType<typeof follow>>>[] = [];
    const early = follow(id, null, (cursor, type) => {
      // Join late, and resume from a cursor, in the middle of the run.
      if (type === 'STAGE_COMPLETED' && late.length === 0) {
        late.push(follow(id));
        resumed.push(follow(id, cursor));
      }
    });
    const all = await early;
    const [lateEvents] = await Promise.all(late);
    const [resumedEvents] = await Promise.all(resumed);
    const after = await follow(id);

    const cursors = all.map((e) => e.cursor);
    expect(all.at(-1)!.type).toBe('COMPLETED');
    expect(new Set(cursors).size).toBe(cursors.length);
    expect(lateEvents!.map((e) => e.cursor)).toEqual(cursors);
    expect(after.map((e) => e.cursor)).toEqual(cursors);
    const from = resumedEvents![0]!.cursor;
    const expected = cursors.slice(cursors.indexOf(from));
    expect(resumedEvents!.map((e) => e.cursor)).toEqual(expected);
    expect(resumedEvents!.length).toBeLessThan(cursors.length);

    // After the last cursor there is nothing more to send: the stream ends at once.
    expect(await follow(id, cursors.at(-1))).toEqual([]);
  });

  it('frees the server-side listener when a client leaves mid-stream', async () => {
    const { startEnhancement } = await request(testApp.app.api!.url, StartEnhancementDocument, {
      input: { resumeText: RESUME_A, jobAd: JOB_A, bypassCache: true },
    });
    const before = testApp.app.hub.openListeners;
    const client = wsClient(testApp.app.api!.wsUrl);
    const sub = collect(client, EnhancementProgressDocument, { id: startEnhancement.id });
    await expect.poll(() => testApp.app.hub.openListeners).toBe(before + 1);
    sub.cancel();
    await expect.poll(() => testApp.app.hub.openListeners).toBe(before);
    await client.dispose();
  });

  it('refuses a malformed cursor and an unknown id with codes', async () => {
    const client = wsClient(testApp.app.api!.wsUrl);
    try {
      const bad = collect(client, EnhancementProgressDocument, { id: 'enh_x', after: 'not-a-cursor' });
      await expect(bad.done).rejects.toThrow(/BAD_USER_INPUT/);
      const unknown = collect(client, EnhancementProgressDocument, { id: 'enh_doesnotexist' });
      await expect(unknown.done).rejects.toThrow(/NOT_FOUND/);
    } finally {
      await client.dispose();
    }
    const http = await post(testApp.app.api!.url, 'query { enhancement(id: "enh_nope") { id } }');
    expect(http.body.errors![0]!.extensions!.code).toBe('NOT_FOUND');
  });
});
