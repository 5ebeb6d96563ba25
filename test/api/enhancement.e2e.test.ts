import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src/app.js';
import { createGateway } from '../../src/gateway/index.js';
import { DEFAULT_STAGES as STAGES, DEPENDS_ON, type Stage } from '../../src/domain/graph.js';
import {
  CancelEnhancementDocument,
  EnhancementProgressDocument,
  EnhancementResultDocument,
  MyEnhancementsDocument,
  StartEnhancementDocument,
  type EnhancementProgressSubscription,
} from '../../src/client/graphql/graphql.js';
import { dropPrefix, startTestApp, testConfig } from '../helpers/app.js';
import { collect, request, wsClient } from '../helpers/client.js';
import { delayedGateway } from '../helpers/gateways.js';
import { JOB_A, JOB_B, RESUME_A, RESUME_B } from '../helpers/samples.js';

type Event = EnhancementProgressSubscription['enhancementProgress'];

let app: App;
let url: string;
let wsUrl: string;
const config = testConfig();

beforeAll(async () => {
  app = await startTestApp({ config });
  url = app.api!.url;
  wsUrl = app.api!.wsUrl;
});
afterAll(async () => {
  await app?.close();
  await dropPrefix(config.prefix);
});

async function start(input: Record<string, unknown>) {
  const data = await request(url, StartEnhancementDocument, { input: { resumeText: RESUME_A, jobAd: JOB_A, ...input } as never });
  return data.startEnhancement;
}

async function follow(id: string, after?: string, at = wsUrl): Promise<Event[]> {
  const client = wsClient(at);
  try {
    const { done } = collect(client, EnhancementProgressDocument, { id, after });
    return (await done).map((d) => d.enhancementProgress);
  } finally {
    await client.dispose();
  }
}

/** Every stage starts after the stages it depends on completed, and completes after it started. */
function assertGraphOrder(events: Event[]): void {
  const index = (type: string, stage: Stage) => events.findIndex((e) => e.type === type && e.stage === stage);
  for (const stage of STAGES) {
    const started = index('STAGE_STARTED', stage);
    if (started < 0) continue;
    expect(index('STAGE_COMPLETED', stage)).toBeGreaterThan(started);
    for (const dep of DEPENDS_ON[stage]) expect(index('STAGE_COMPLETED', dep)).toBeLessThan(started);
  }
}

describe('an enhancement end to end', () => {
  it('runs all seven stages live and stores every field of the result', async () => {
    const started = await start({ extractedSkills: [{ name: 'GraphQL', confidence: 0.9 }] });
    expect(started.status).toBe('QUEUED');
    expect(started.requestedStages).toEqual([...STAGES]);

    const events = await follow(started.id);
    expect(events[0]!.type).toBe('QUEUED');
    expect(events.at(-1)!.type).toBe('COMPLETED');
    expect(events.at(-1)!.progress).toBe(1);
    expect(events.at(-1)!.enhancement).toEqual({ id: started.id, status: 'COMPLETED' });
    for (const stage of STAGES) {
      expect(events.filter((e) => e.type === 'STAGE_STARTED' && e.stage === stage)).toHaveLength(1);
      expect(events.filter((e) => e.type === 'STAGE_COMPLETED' && e.stage === stage)).toHaveLength(1);
    }
    assertGraphOrder(events);
    const cursors = events.map((e) => e.cursor);
    expect(new Set(cursors).size).toBe(cursors.length);
    const progress = events.map((e) => e.progress);
    expect([...progress].sort((a, b) => a - b)).toEqual(progress);

    const { enhancement: result } = await request(url, EnhancementResultDocument, { id: started.id });
    expect(result.status).toBe('COMPLETED');
    expect(result.completedAt).toBeTruthy();
    expect(result.error).toBeNull();
    expect(result.stages.map((s) => s.stage)).toEqual([...STAGES]);
    for (const stage of result.stages) {
      expect(stage.status).toBe('COMPLETED');
      expect(stage.provider).toBe('local');
      expect(stage.attempts).toBeGreaterThanOrEqual(1);
      expect(stage.durationMs).toBeGreaterThanOrEqual(0);
    }
    // Filled from this input, not canned.
    const companies = result.experiences!.map((e) => e.company).join(' | ');
    expect(companies).toContain('Acme Analytics');
    expect(companies).toContain('Globex');
    expect(result.skills!.all).toEqual(expect.arrayContaining(['TypeScript', 'PostgreSQL']));
    expect(result.seniority!.yearsOfExperience).toBeGreaterThan(5);
    expect(result.domainInsights!.domain).toBeTruthy();
    expect(result.gapAnalysis!.missingKeywords.join(' ')).toMatch(/Kubernetes|AWS/);
    expect(result.gapAnalysis!.matchedKeywords.join(' ')).toMatch(/TypeScript/);
    expect(result.gapAnalysis!.matchScore).toBeGreaterThan(0);
    expect(result.gapAnalysis!.matchScore).toBeLessThan(100);
    expect(result.suggestions!.length).toBeGreaterThan(0);
    expect(result.dossier!.masterProfile).toContain('Acme Analytics');
    expect(result.creativeDraft!.narrative.length).toBeGreaterThan(20);
    expect(result.starBullets!.length).toBeGreaterThan(0);
    expect(result.finalResumeMarkdown).toContain('Acme Analytics');
    expect(result.finalResumeMarkdown).toContain('Globex');
    expect(result.finalResumeMarkdown).toContain('40%');
    expect(result.editorialNotes).not.toBeNull();
    expect(result.provenance!.length).toBeGreaterThan(0);
    expect(result.usage.llmCalls).toBeGreaterThanOrEqual(STAGES.length);
    expect(result.usage.costUsd).toBe(0);
  });

  it('runs ANALYSIS alone when only ANALYSIS is asked for', async () => {
    const started = await start({ stages: ['ANALYSIS'] });
    expect(started.requestedStages).toEqual(['ANALYSIS']);
    const events = await follow(started.id);
    expect(events.filter((e) => e.type === 'STAGE_STARTED').map((e) => e.stage)).toEqual(['ANALYSIS']);
    const { enhancement } = await request(url, EnhancementResultDocument, { id: started.id });
    expect(enhancement.gapAnalysis).not.toBeNull();
    expect(enhancement.dossier).toBeNull();
    expect(enhancement.suggestions).toBeNull();
  });

  it('runs DRAFT with its dependencies and nothing else', async () => {
    const started = await start({ stages: ['DRAFT'] });
    expect(started.requestedStages).toEqual(['ANALYSIS', 'RESEARCH', 'DRAFT']);
    const events = await follow(started.id);
    const ran = events.filter((e) => e.type === 'STAGE_COMPLETED').map((e) => e.stage);
    expect([...ran].sort()).toEqual(['ANALYSIS', 'DRAFT', 'RESEARCH']);
    assertGraphOrder(events);
    const { enhancement } = await request(url, EnhancementResultDocument, { id: started.id });
    expect(enhancement.creativeDraft).not.toBeNull();
    expect(enhancement.starBullets).toBeNull();
    expect(enhancement.finalResumeMarkdown).toBeNull();
  });

  it('gives a different result for a different input', async () => {
    const a = await start({ stages: ['ANALYSIS'] });
    const b = await start({ stages: ['ANALYSIS'], resumeText: RESUME_B, jobAd: JOB_B });
    await Promise.all([follow(a.id), follow(b.id)]);
    const [ra, rb] = await Promise.all([a.id, b.id].map((id) => request(url, EnhancementResultDocument, { id })));
    expect(rb!.enhancement.experiences!.map((e) => e.company).join(' ')).toContain('St. Mary Hospital');
    expect(rb!.enhancement.gapAnalysis).not.toEqual(ra!.enhancement.gapAnalysis);
    expect(rb!.enhancement.skills!.all).not.toEqual(ra!.enhancement.skills!.all);
  });

  it('pages the caller’s enhancements newest first', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) ids.push((await start({ stages: ['ANALYSIS'] })).id);
    const first = await request(url, MyEnhancementsDocument, { first: 2 });
    expect(first.enhancements.edges.map((e) => e.node.id)).toEqual([ids[2], ids[1]]);
    expect(first.enhancements.pageInfo.hasNextPage).toBe(true);
    const second = await request(url, MyEnhancementsDocument, { first: 1, after: first.enhancements.pageInfo.endCursor });
    expect(second.enhancements.edges.map((e) => e.node.id)).toEqual([ids[0]]);
  });
});

describe('cancelling', () => {
  let slow: App;
  const slowConfig = testConfig();
  beforeAll(async () => {
    slow = await startTestApp({ config: slowConfig, gateway: delayedGateway(createGateway(slowConfig), 150) });
  });
  afterAll(async () => {
    await slow?.close();
    await dropPrefix(slowConfig.prefix);
  });

  it('stops a running enhancement: no further stage starts and the stream ends with CANCELLED', async () => {
    const { startEnhancement } = await request(slow.api!.url, StartEnhancementDocument, {
      input: { resumeText: RESUME_A, jobAd: JOB_A, bypassCache: true },
    });
    const client = wsClient(slow.api!.wsUrl);
    let cancelled = false;
    const { done } = collect(client, EnhancementProgressDocument, { id: startEnhancement.id }, (data) => {
      const event = data.enhancementProgress;
      if (!cancelled && event.type === 'STAGE_COMPLETED' && event.stage === 'ANALYSIS') {
        cancelled = true;
        void request(slow.api!.url, CancelEnhancementDocument, { id: startEnhancement.id });
      }
    });
    const events = (await done).map((d) => d.enhancementProgress);
    await client.dispose();
    expect(events.at(-1)!.type).toBe('CANCELLED');
    expect(events.filter((e) => e.type === 'CANCELLED')).toHaveLength(1);

    // Nothing more happens afterwards: no stage completes, the record stays cancelled.
    await new Promise((resolve) => setTimeout(resolve, 600));
    const { enhancement } = await request(slow.api!.url, EnhancementResultDocument, { id: startEnhancement.id });
    expect(enhancement.status).toBe('CANCELLED');
    expect(enhancement.stages.find((s) => s.stage === 'ANALYSIS')!.status).toBe('COMPLETED');
    expect(enhancement.stages.filter((s) => s.status === 'COMPLETED').length).toBeLessThan(STAGES.length);
    expect(enhancement.stages.some((s) => s.status === 'CANCELLED')).toBe(true);
    const replay = await follow(startEnhancement.id, undefined, slow.api!.wsUrl);
    expect(replay.map((e) => e.cursor)).toEqual(events.map((e) => e.cursor));
    expect(slow.worker!.running.size).toBe(0);
  });
});
