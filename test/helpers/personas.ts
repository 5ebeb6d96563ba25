/**
 * One whole enhancement against a fake server playing a persona, through the real app (API,
 * worker, Redis, gateway, streaming SDKs): what it took and what it cost. Shared by the persona
 * tests and bench/personas.ts.
 */
import type { App } from '../../src/app.js';
import {
  EnhancementProgressDocument,
  EnhancementResultDocument,
  ModelsDocument,
  StagePreviewDocument,
  StartEnhancementDocument,
  type EnhancementProgressSubscription,
  type EnhancementResultQuery,
} from '../../src/client/graphql/graphql.js';
import type { Config } from '../../src/config.js';
import { DEFAULT_STAGES } from '../../src/domain/graph.js';
import type { FakeOpenAI } from '../fakes/openai-server.js';
import { collect, request, wsClient } from './client.js';
import { dropPrefix, startTestApp, testConfig } from './app.js';
import { JOB_A, RESUME_A } from './samples.js';

/** `IMAGINATOR_MODEL_*` for every stage: this chain. */
export function everyStage(chain: string): Record<string, string> {
  const names = ['ANALYSIS', 'STAGE_1', 'STAGE_2', 'STAGE_3', 'STAGE_4', 'SUGGEST', 'CRITIQUE'];
  return Object.fromEntries(names.map((n) => [`IMAGINATOR_MODEL_${n}`, chain]));
}

export interface PreviewSeen {
  stage: string;
  text: string;
  /** ms since the enhancement started, when the subscriber got it. */
  atMs: number;
}

export interface EnhancementRun {
  id: string;
  events: EnhancementProgressSubscription['enhancementProgress'][];
  result: NonNullable<EnhancementResultQuery['enhancement']>;
  outputMode: string | null | undefined;
  /** ms from start to the COMPLETED (or terminal) event at the subscriber. */
  msToEnd: number;
  previews: PreviewSeen[];
  /** ms since start when the terminal event reached the subscriber. */
  terminalAtMs: number;
}

/** Starts an app whose every stage runs on `chain` (plus env), runs `body`, stops it. */
export async function withApp<T>(env: Record<string, string>, body: (app: App, config: Config) => Promise<T>): Promise<T> {
  const config = testConfig({ IMAGINATOR_CACHE_TTL_SECONDS: '60', ...env });
  const app = await startTestApp({ config });
  try {
    return await body(app, config);
  } finally {
    await app.close();
    await dropPrefix(config.prefix);
  }
}

/** Runs one whole enhancement (every default stage) and reads back what it took. */
export async function runEnhancement(app: App, modelId: string, options: { preview?: boolean } = {}): Promise<EnhancementRun> {
  const url = app.api!.url;
  const t0 = performance.now();
  const { startEnhancement } = await request(url, StartEnhancementDocument, {
    input: { resumeText: RESUME_A, jobAd: JOB_A, stages: [...DEFAULT_STAGES], bypassCache: true },
  });
  const id = startEnhancement.id;
  const client = wsClient(app.api!.wsUrl);
  const previews: PreviewSeen[] = [];
  const preview = options.preview
    ? collect(client, StagePreviewDocument, { id }, (data) =>
        previews.push({ stage: data.enhancementPreview.stage, text: data.enhancementPreview.text, atMs: performance.now() - t0 }),
      )
    : null;
  let terminalAtMs = 0;
  const progress = collect(client, EnhancementProgressDocument, { id }, (data) => {
    if (['COMPLETED', 'FAILED', 'CANCELLED'].includes(data.enhancementProgress.type)) terminalAtMs = performance.now() - t0;
  });
  const events = (await progress.done).map((d) => d.enhancementProgress);
  const msToEnd = performance.now() - t0;
  await preview?.done;
  await client.dispose();
  const { enhancement } = await request(url, EnhancementResultDocument, { id });
  const { models } = await request(url, ModelsDocument, {});
  return { id, events, result: enhancement!, outputMode: models.find((m) => m.id === modelId)?.outputMode, msToEnd, previews, terminalAtMs };
}

/** Requests the fake got with exactly the same body as an earlier one. */
export function repeatedBodies(fake: FakeOpenAI): number {
  const seen = new Set<string>();
  let repeats = 0;
  for (const r of fake.requests) {
    const key = JSON.stringify(r.body);
    if (seen.has(key)) repeats++;
    seen.add(key);
  }
  return repeats;
}

export function totals(run: EnhancementRun): { attempts: number; llmCalls: number; costUsd: number } {
  const stages = run.result.stages;
  return {
    attempts: stages.reduce((n, s) => n + s.attempts, 0),
    llmCalls: run.result.usage?.llmCalls ?? 0,
    costUsd: stages.reduce((n, s) => n + s.costUsd, 0),
  };
}
