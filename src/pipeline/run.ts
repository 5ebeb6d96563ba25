/**
 * How a pipeline runs: stages in parallel where their inputs are ready, each checkpointed the
 * moment it is done (durable before any stage that depends on it starts), every step an event,
 * under a per-stage timeout, a whole-enhancement deadline and the tenant's budget. What the stages
 * are, and what each may see, is the orchestrator's table.
 */
import type { CallReport, Gateway, RetryNotice } from '../gateway/types.js';
import type { DailyBudget } from '../store/budget.js';
import type { EnhancementStore } from '../store/enhancement-store.js';
import type { EnhancementRecord, StageRun } from '../store/types.js';
import { DEPENDS_ON, type Stage } from '../domain/graph.js';
import type { PipelineInput } from '../domain/input.js';
import type { StageOutputs } from '../domain/outputs.js';
import type { StageContext, StageResult } from './stages/stage.js';

export type Done = Partial<StageOutputs>;
export type StageRunner<S extends Stage> = (input: PipelineInput, done: Done, ctx: StageContext) => Promise<StageResult<StageOutputs[S]>>;
export type Pipeline = { [S in Stage]: StageRunner<S> };

export type Outcome = 'COMPLETED' | 'FAILED' | 'STOPPED';

export interface OrchestratorDeps {
  store: EnhancementStore;
  gateway: Gateway;
  /** Stage-cache entries are the tenant's own unless this names a scope all tenants share. */
  sharedCacheScope?: string;
  /** A stage running longer fails with STAGE_TIMEOUT. */
  stageTimeoutMs: number;
  /** The enhancement fails with DEADLINE_EXCEEDED this long after it was accepted. */
  deadlineMs: number;
  /** The tenant's daily model budget, checked before each stage and charged after it. */
  budget?: DailyBudget;
  /** Live previews: what a writing stage has written so far, published for `enhancementPreview` (not stored). */
  previews?: { publish(id: string, stage: Stage, text: string): void };
  /** Told of every stage that ended, for metrics. */
  observe?: (stage: Stage, outcome: 'completed' | 'failed', durationMs: number, calls: CallReport[]) => void;
}

/** Stops the run without a verdict: cancelled, ended elsewhere, or the worker is shutting down. */
class Stopped extends Error {
  override name = 'Stopped';
}

class DeadlineExceeded extends Error {
  override name = 'DeadlineExceeded';
}

/** A verdict: the enhancement fails, naming the stage and why. */
class StageFailure extends Error {
  override name = 'StageFailure';
  constructor(
    readonly stage: Stage,
    readonly code: 'STAGE_FAILED' | 'STAGE_TIMEOUT' | 'DEADLINE_EXCEEDED' | 'BUDGET_EXCEEDED',
    message: string,
  ) {
    super(message);
  }
}

/**
 * Runs what is left of an enhancement: stages already COMPLETED in the record (a retried job after
 * a crash) are neither re-run nor re-billed.
 */
export async function runPipeline(pipeline: Pipeline, record: EnhancementRecord, deps: OrchestratorDeps, signal: AbortSignal): Promise<Outcome> {
  const { store } = deps;
  const stages = record.requestedStages;
  const done: Done = {};
  for (const stage of stages) {
    if (record.stages[stage]?.status === 'COMPLETED' && record.outputs[stage] !== undefined) {
      (done as Record<Stage, unknown>)[stage] = record.outputs[stage];
    }
  }
  // A job resumed after a crash may have recorded a stage and died before charging it: charging
  // again is a no-op when it had (one charge per stage run).
  for (const stage of Object.keys(done) as Stage[]) {
    const run = record.stages[stage];
    if (run) await charge(deps, record, stage, run.startedAt, run.costUsd);
  }
  const progress = (): number => Object.keys(done).length / stages.length;
  const abort = new AbortController();
  const onAbort = (): void => abort.abort(signal.reason);
  signal.addEventListener('abort', onAbort, { once: true });
  const deadline = setTimeout(
    () => abort.abort(new DeadlineExceeded()),
    Math.max(0, Date.parse(record.createdAt) + deps.deadlineMs - Date.now()),
  );
  const cache = { scope: deps.sharedCacheScope ?? `tenant-${record.tenant}`, bypass: record.input.bypassCache };

  const emitOrStop = async (...args: Parameters<EnhancementStore['emit']>): Promise<void> => {
    if (!(await store.emit(...args))) throw new Stopped();
  };

  const runStage = async (stage: Stage): Promise<void> => {
    if (deps.budget && (await deps.budget.exceeded(record.tenant))) {
      throw new StageFailure(stage, 'BUDGET_EXCEEDED', `the daily model budget of $${deps.budget.limitUsd} is spent; ${stage} was not started`);
    }
    const startedAt = new Date();
    const base = record.stages[stage] ?? ({ status: 'PENDING', stage } as StageRun);
    const running: StageRun = { ...base, status: 'RUNNING', startedAt: startedAt.toISOString(), error: null };
    // Not awaited before the stage's work begins: commands on one connection run in order, so the
    // start is written before the stage's end, and a refusal (cancelled) stops the run below.
    const announced = emitOrStop(record.id, {
      type: 'STAGE_STARTED',
      stage,
      progress: progress(),
      message: `${stage} started`,
      status: 'RUNNING',
      stageRun: running,
    });
    announced.catch((error: unknown) => {
      if (error instanceof Stopped && !abort.signal.aborted) abort.abort(error);
    });
    const timeout = AbortSignal.timeout(deps.stageTimeoutMs);
    // Retry events are written in the order they happen, and before the stage's own end.
    let retries: Promise<unknown> = Promise.resolve();
    const onRetry = (retry: RetryNotice): void => {
      const message = retryMessage(stage, retry);
      retries = retries.then(() =>
        store.emit(record.id, { type: 'STAGE_RETRY', stage, progress: progress(), message, status: 'RUNNING' }).catch(() => null),
      );
    };
    // Every call of the stage knows when the stage must be done (so a hung model leaves time for
    // the next) and, for a writing stage, where its text so far goes. Every answered call is kept,
    // so that what a failed or stopped stage spent is charged too.
    const deadlineAt = startedAt.getTime() + deps.stageTimeoutMs;
    const onPreview = deps.previews && WRITING_STAGES.has(stage) ? (text: string) => deps.previews!.publish(record.id, stage, text) : undefined;
    const answered: CallReport[] = [];
    const gateway: Gateway = {
      fits: (s, prompt) => deps.gateway.fits(s, prompt),
      complete: async (request, callSignal) => {
        const completion = await deps.gateway.complete({ deadlineAt, onPreview, ...request }, callSignal);
        answered.push(completion.report);
        return completion;
      },
    };
    const spentSoFar = (): number => answered.reduce((usd, call) => usd + call.costUsd, 0);
    const ctx: StageContext = { gateway, signal: AbortSignal.any([abort.signal, timeout]), cache, onRetry };
    let result: StageResult<unknown>;
    try {
      result = await pipeline[stage](record.input, done, ctx);
      await announced;
      await retries;
    } catch (error) {
      await retries;
      // Best effort: the failure is what the caller must hear about.
      await charge(deps, record, stage, running.startedAt, spentSoFar()).catch(() => undefined);
      if (error instanceof Stopped || abort.signal.reason instanceof Stopped) throw new Stopped();
      await announced;
      const elapsed = Date.now() - startedAt.getTime();
      const failure =
        abort.signal.reason instanceof DeadlineExceeded
          ? new StageFailure(stage, 'DEADLINE_EXCEEDED', `the enhancement passed its ${deps.deadlineMs} ms deadline during ${stage}`)
          : abort.signal.aborted
            ? null
            : timeout.aborted
              ? new StageFailure(stage, 'STAGE_TIMEOUT', `${stage} took longer than ${deps.stageTimeoutMs} ms`)
              : new StageFailure(stage, 'STAGE_FAILED', error instanceof Error ? error.message : String(error));
      if (!failure) throw new Stopped();
      deps.observe?.(stage, 'failed', elapsed, []);
      await emitOrStop(record.id, {
        type: 'STAGE_FAILED',
        stage,
        progress: progress(),
        message: `${stage} failed: ${failure.message}`,
        status: 'RUNNING',
        stageRun: { ...running, status: 'FAILED', error: failure.message, durationMs: elapsed },
      });
      throw failure;
    }
    const durationMs = Date.now() - startedAt.getTime();
    deps.observe?.(stage, 'completed', durationMs, result.calls);
    const completed = emitOrStop(record.id, {
      type: 'STAGE_COMPLETED',
      stage,
      progress: (Object.keys(done).length + 1) / stages.length,
      message: `${stage} completed`,
      status: 'RUNNING',
      stageRun: { ...running, ...accountFor(result), status: 'COMPLETED', completedAt: new Date().toISOString(), durationMs },
      output: result.output,
    });
    // Charged once the stage is recorded (a crash in between is charged on resume, once): the
    // calls it reports, and any other answered call of the stage (a retried part).
    await completed.catch(async (error: unknown) => {
      if (error instanceof Stopped) await charge(deps, record, stage, running.startedAt, spentSoFar()).catch(() => undefined);
      throw error;
    });
    await charge(deps, record, stage, running.startedAt, accountFor(result).costUsd ?? 0);
    // Only now, durable, may the stages that depend on it start.
    (done as Record<Stage, unknown>)[stage] = result.output;
  };

  const started = new Set<Stage>(Object.keys(done) as Stage[]);
  const inFlight = new Map<Stage, Promise<void>>();
  try {
    for (;;) {
      for (const stage of stages) {
        if (started.has(stage) || !DEPENDS_ON[stage].every((dep) => done[dep] !== undefined)) continue;
        started.add(stage);
        inFlight.set(stage, runStage(stage).finally(() => inFlight.delete(stage)));
      }
      if (inFlight.size === 0) break;
      await Promise.race(inFlight.values());
    }
    await emitOrStop(record.id, { type: 'COMPLETED', progress: 1, message: 'enhancement completed', status: 'COMPLETED' });
    return 'COMPLETED';
  } catch (error) {
    if (!abort.signal.aborted) abort.abort(error);
    await Promise.allSettled(inFlight.values());
    if (error instanceof StageFailure) {
      const failed = await store.emit(record.id, {
        type: 'FAILED',
        stage: error.stage,
        progress: progress(),
        message: `enhancement failed at ${error.stage}: ${error.message}`,
        status: 'FAILED',
        error: { code: error.code, message: error.message, stage: error.stage },
        closeOpenStages: 'SKIPPED',
      });
      return failed ? 'FAILED' : 'STOPPED';
    }
    if (error instanceof Stopped) return 'STOPPED';
    throw error;
  } finally {
    clearTimeout(deadline);
    signal.removeEventListener('abort', onAbort);
  }
}

/** The stages whose text is shown live while it is written. */
const WRITING_STAGES: ReadonlySet<string> = new Set(['DRAFT', 'STAR', 'POLISH', 'COVER_LETTER']);

/** A STAGE_RETRY event's message: who failed, why, and what comes next. */
function retryMessage(stage: Stage, retry: RetryNotice): string {
  const head = `${stage}: ${retry.failed}`;
  switch (retry.kind) {
    case 'step-down':
    case 're-ask':
    case 'budget':
      return `${head} ${retry.reason}; asking it again`;
    case 'remembered':
      return `${head} ${retry.reason}`;
    default:
      return retry.next === retry.failed
        ? `${head} failed (${retry.reason}); retrying in ${retry.delayMs} ms`
        : `${head} failed (${retry.reason}); trying ${retry.next}`;
  }
}

/** A stage's accounting from the calls it made: several calls (ANALYSIS makes two) add up. */
function accountFor({ calls, notes = [] }: StageResult<unknown>): Partial<StageRun> {
  const providers = [...new Set(calls.map((c) => c.provider))];
  const models = [...new Set(calls.map((c) => c.model))];
  return {
    attempts: calls.reduce((n, c) => n + c.attempts, 0),
    llmCalls: calls.length,
    provider: providers.join(', ') || null,
    model: models.join(', ') || null,
    costUsd: calls.reduce((n, c) => n + c.costUsd, 0),
    promptTokens: calls.reduce((n, c) => n + c.promptTokens, 0),
    completionTokens: calls.reduce((n, c) => n + c.completionTokens, 0),
    cached: calls.length > 0 && calls.every((c) => c.cached),
    savedCostUsd: calls.reduce((n, c) => n + (c.savedCostUsd ?? 0), 0),
    notes: [...notes, ...calls.flatMap((c) => (c.fallbackNote ? [c.fallbackNote] : []))],
  };
}

/** Charges one stage run to the tenant's budget, once however often it is asked (see DailyBudget). */
async function charge(deps: OrchestratorDeps, record: EnhancementRecord, stage: Stage, startedAt: string | null, usd: number): Promise<void> {
  await deps.budget?.charge(record.tenant, `${record.id}:${stage}:${startedAt ?? ''}`, usd);
}
