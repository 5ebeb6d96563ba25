/**
 * The tenant's budget is charged what each stage run spent, once: a stage that fails or is stopped
 * is charged what its answered calls cost, and a job resumed after a crash between recording a
 * stage and charging it charges it once.
 */
import { afterAll, expect, it } from 'vitest';
import type { CallReport, Gateway } from '../../src/gateway/types.js';
import { runPipeline, type Pipeline } from '../../src/pipeline/run.js';
import { connectRedis } from '../../src/redis.js';
import { DailyBudget } from '../../src/store/budget.js';
import { EnhancementStore } from '../../src/store/enhancement-store.js';
import { dropPrefix, REDIS_URL, uniquePrefix } from '../helpers/app.js';

const prefix = uniquePrefix('budget');
const redis = connectRedis(REDIS_URL, { name: 'budget-test' });
const store = new EnhancementStore(redis, prefix, 600);
afterAll(async () => {
  await redis.quit();
  await dropPrefix(prefix);
});

const input = { resumeText: 'r', jobAd: 'j', extractedSkills: [], domainInsights: null, confidenceThreshold: 0.7, creativity: 'BALANCED' as const, asOf: '2026-11-21', bypassCache: false };
const report = (costUsd: number): CallReport => ({ provider: 'fake', model: 'fake/m', attempts: 1, costUsd, promptTokens: 1, completionTokens: 1 }) as CallReport;

/** A gateway whose calls cost $0.25 each; `failOn` names the call (1-based) that throws instead. */
function gateway(failOn?: number): Gateway {
  let calls = 0;
  return {
    fits: () => true,
    complete: async <T>() => {
      calls += 1;
      if (calls === failOn) throw new Error('the model is down');
      return { output: {} as T, report: report(0.25) };
    },
  };
}

/** ANALYSIS alone, as two gateway calls (as the real one makes). */
const pipeline = {
  ANALYSIS: async (_input, _done, ctx) => {
    const a = await ctx.gateway.complete({ stage: 'ANALYSIS' } as never, ctx.signal);
    const b = await ctx.gateway.complete({ stage: 'ANALYSIS' } as never, ctx.signal);
    return { output: {} as never, calls: [a.report, b.report] };
  },
} as Partial<Pipeline> as Pipeline;

const deps = (budget: DailyBudget, g: Gateway) => ({ store, gateway: g, budget, stageTimeoutMs: 10_000, deadlineMs: 60_000 });

it('charges what a failed stage spent before it failed', async () => {
  const budget = new DailyBudget(redis, prefix, 100);
  const record = await store.create({ tenant: 'failing', requestedStages: ['ANALYSIS'], input });
  expect(await runPipeline(pipeline, record, deps(budget, gateway(2)), new AbortController().signal)).toBe('FAILED');
  expect(await budget.spent('failing')).toBeCloseTo(0.25);
});

it('charges a stage once when the job resumes after a crash between recording it and charging it', async () => {
  const budget = new DailyBudget(redis, prefix, 100);
  const record = await store.create({ tenant: 'crashing', requestedStages: ['ANALYSIS'], input });
  // The process dies right after STAGE_COMPLETED is recorded: the charge never happens.
  const crashing = Object.assign(Object.create(budget) as DailyBudget, {
    charge: () => Promise.reject(new Error('process died')),
  });
  await expect(runPipeline(pipeline, record, deps(crashing, gateway()), new AbortController().signal)).rejects.toThrow('process died');
  expect(await budget.spent('crashing')).toBe(0);
  // The job is retried, twice: the recorded stage is not re-run and is charged once.
  for (let i = 0; i < 2; i++) {
    const resumed = (await store.get(record.id))!;
    expect(resumed.stages.ANALYSIS!.status).toBe('COMPLETED');
    await runPipeline(pipeline, resumed, deps(budget, gateway()), new AbortController().signal);
  }
  expect(await budget.spent('crashing')).toBeCloseTo(0.5);
  expect(await store.status(record.id)).toBe('COMPLETED');
});
