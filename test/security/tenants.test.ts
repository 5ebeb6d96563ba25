import { describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { loadConfig } from '../../src/config.js';
import {
  CancelEnhancementDocument,
  EnhancementProgressDocument,
  EnhancementResultDocument,
  MyEnhancementsDocument,
  ReviewChangesDocument,
  StartEnhancementDocument,
} from '../../src/client/graphql/graphql.js';
import { useTestApp } from '../helpers/app.js';
import { collect, post, request, wsClient } from '../helpers/client.js';
import { JOB_A, RESUME_A } from '../helpers/samples.js';

const KEY_A = 'alpha-secret-key-0001';
const KEY_B = 'beta-secret-key-0002';
const testApp = useTestApp({ env: { IMAGINATOR_API_KEYS: `alpha:${KEY_A},beta:${KEY_B}` } });
const as = (key: string) => ({ authorization: `Bearer ${key}` });


describe('API keys', () => {
  it('refuses to start without keys on a non-loopback host, saying why', () => {
    expect(() => loadConfig({ HOST: '0.0.0.0' })).toThrow(/IMAGINATOR_API_KEYS/);
    expect(() => loadConfig({ HOST: '0.0.0.0', IMAGINATOR_API_KEYS: 'a:k' })).not.toThrow();
  });

  it('answers a missing or wrong key with UNAUTHENTICATED (401) and never echoes it', async () => {
    const attempts: Record<string, string>[] = [{}, as('wrong-key-123'), { 'x-api-key': 'nope-456' }, { authorization: 'Basic abc' }];
    for (const headers of attempts) {
      const { status, body } = await post(testApp.app.api!.url, '{ enhancements { edges { cursor } } }', undefined, headers);
      expect(status).toBe(401);
      expect(body.errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
      expect(JSON.stringify(body)).not.toMatch(/wrong-key-123|nope-456|alpha-secret/);
    }
    const viaHeader = await post(testApp.app.api!.url, '{ enhancements { edges { cursor } } }', undefined, { 'x-api-key': KEY_A });
    expect(viaHeader.status).toBe(200);
  });

  it('closes a WebSocket with a missing or wrong key with 4403', async () => {
    for (const params of [undefined, { authorization: 'Bearer wrong' }, { apiKey: 'wrong' }]) {
      const code = await new Promise<number>((resolve) => {
        const socket = new WebSocket(testApp.app.api!.wsUrl, 'graphql-transport-ws');
        socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload: params })));
        socket.on('close', (closeCode) => resolve(closeCode));
      });
      expect(code).toBe(4403);
    }
  });
});

describe('tenant isolation', () => {
  it("answers another tenant's id exactly as an unknown id, on every operation", async () => {
    const { startEnhancement } = await request(
      testApp.app.api!.url,
      StartEnhancementDocument,
      { input: { resumeText: RESUME_A, jobAd: JOB_A, stages: ['ANALYSIS'] } },
      as(KEY_A),
    );
    const theirs = startEnhancement.id;
    const unknown = `enh_${'x'.repeat(22)}`;
    const answer = async (id: string) => {
      const result = await post(testApp.app.api!.url, EnhancementResultDocument, { id }, as(KEY_B));
      const cancel = await post(testApp.app.api!.url, CancelEnhancementDocument, { id }, as(KEY_B));
      const review = await post(testApp.app.api!.url, ReviewChangesDocument, { id, apply: ['c1'] }, as(KEY_B));
      const client = wsClient(testApp.app.api!.wsUrl, { apiKey: KEY_B });
      const subscription = await collect(client, EnhancementProgressDocument, { id }).done.then(
        () => 'streamed',
        (error: Error) => error.message,
      );
      await client.dispose();
      return [result, cancel, subscription, review].map((r) => JSON.stringify(r).replaceAll(id, 'ID'));
    };
    const [forTheirs, forUnknown] = await Promise.all([answer(theirs), answer(unknown)]);
    expect(forTheirs).toEqual(forUnknown);
    expect(forTheirs[0]).toContain('NOT_FOUND');
    expect(forTheirs[2]).toContain('NOT_FOUND');
    expect(forTheirs[3]).toContain('NOT_FOUND');

    // B's list does not show it; A's record is untouched by B's cancel.
    const listB = await request(testApp.app.api!.url, MyEnhancementsDocument, { first: 50 }, as(KEY_B));
    expect(listB.enhancements.edges.map((e) => e.node.id)).not.toContain(theirs);
    const listA = await request(testApp.app.api!.url, MyEnhancementsDocument, { first: 50 }, as(KEY_A));
    expect(listA.enhancements.edges.map((e) => e.node.id)).toContain(theirs);
    const mine = await request(testApp.app.api!.url, EnhancementResultDocument, { id: theirs }, as(KEY_A));
    expect(mine.enhancement.status).not.toBe('CANCELLED');
  });

  it('gives unguessable ids', async () => {
    const ids = await Promise.all(
      Array.from({ length: 5 }, () =>
        request(testApp.app.api!.url, StartEnhancementDocument, { input: { resumeText: RESUME_A, jobAd: JOB_A, stages: ['ANALYSIS'] } }, as(KEY_A)),
      ),
    );
    for (const { startEnhancement } of ids) expect(startEnhancement.id).toMatch(/^enh_[A-Za-z0-9_-]{22}$/);
    expect(new Set(ids.map((d) => d.startEnhancement.id)).size).toBe(5);
  });
});
