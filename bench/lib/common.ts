/**
 * What every benchmark shares: the figure type, percentiles, a Redis key prefix of its own (and its
 * clean-up), a config for an in-process app, and the instant provider.
 */
import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { loadConfig, type Config } from '../../src/config.js';
import { createGateway, type ModelGateway } from '../../src/gateway/index.js';
import type { Provider, ProviderCall, ProviderReply } from '../../src/gateway/providers/types.js';
import { runLocalTask } from '../../src/local/index.js';
import { buildResumeDocument } from '../../src/documents/resume-document.js';
import { researchOutput } from '../../src/pipeline/stages/research.js';
import { draftOutput } from '../../src/pipeline/stages/draft.js';
import { starOutput } from '../../src/pipeline/stages/star.js';
import type { LocalTaskName } from '../../src/local/types.js';
import { connectRedis, type Redis } from '../../src/redis.js';
import { JOB_A, RESUME_A } from '../../test/helpers/samples.js';

export const REDIS_URL = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface BenchFigure {
  figure: string;
  value: number;
  unit: string;
  /** The same quantity measured for the baseline, in the same run. */
  baseline?: number;
  /** value / baseline, when a baseline exists. */
  ratio?: number;
  target?: string;
  pass?: boolean;
}

export interface BenchResult {
  name: string;
  figures: BenchFigure[];
  /** What limited a missed target, or other remarks worth keeping with the figures. */
  notes?: string[];
  durationMs?: number;
}

export function percentile(sorted: ArrayLike<number>, p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}

export function summarize(samples: number[]): { p50: number; p90: number; p99: number; max: number; mean: number } {
  const sorted = Float64Array.from(samples).sort();
  const mean = samples.reduce((a, b) => a + b, 0) / (samples.length || 1);
  return { p50: percentile(sorted, 50), p90: percentile(sorted, 90), p99: percentile(sorted, 99), max: sorted[sorted.length - 1] ?? NaN, mean };
}

export function round(n: number, digits = 3): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

export function ratio(value: number, baseline: number): number {
  return baseline === 0 ? NaN : round(value / baseline, 3);
}

/** A key prefix (and so a BullMQ queue) no other benchmark or test uses. */
export function benchPrefix(name: string): string {
  return `imgbench-${name}-${randomBytes(4).toString('hex')}`;
}

/** Deletes every key under a prefix: records, events, cache, idempotency and the BullMQ queue. */
export async function dropPrefix(prefix: string): Promise<number> {
  const redis: Redis = connectRedis(REDIS_URL, { name: 'bench-cleanup' });
  let removed = 0;
  try {
    for (const pattern of [`${prefix}:*`, `{${prefix}:*`, `${prefix}*`]) {
      let cursor = '0';
      do {
        const [next, keys] = await redis.scan(cursor, 'MATCH', pattern, 'COUNT', 5000);
        cursor = next;
        if (keys.length) removed += await redis.unlink(...keys);
      } while (cursor !== '0');
    }
  } finally {
    await redis.quit();
  }
  return removed;
}

export function benchConfig(prefix: string, env: Record<string, string> = {}): Config {
  return loadConfig({
    REDIS_URL,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    IMAGINATOR_PREFIX: prefix,
    ...env,
  });
}

// ---------------------------------------------------------------------------------------------
// The instant provider: a real gateway (chain walk, breaker, per-attempt timeout, zod validation,
// report) whose only provider answers from a table computed once, with no I/O and no wait.
// ---------------------------------------------------------------------------------------------

const WIRE_NAMES: LocalTaskName[] = ['analysis', 'analysis_gap', 'research', 'draft', 'star', 'polish', 'suggest', 'critique'];

/** The local engine's answer for every wire name, computed once on the sample resume. */
export function precomputedAnswers(): Map<string, unknown> {
  const asOf = '2025-01-01';
  const answers = new Map<string, unknown>();
  const profileIn = { resumeText: RESUME_A, extractedSkills: [], confidenceThreshold: 0.7, asOf };
  const profile = runLocalTask('analysis', profileIn as never) as unknown as Record<string, unknown>;
  answers.set('analysis', profile);
  const fit = runLocalTask('analysis_gap', { resumeText: RESUME_A, jobAd: JOB_A, profile, domainInsights: null } as never) as unknown as Record<string, unknown>;
  answers.set('analysis_gap', fit);
  const analysis = { ...profile, ...fit };
  // the writing stages answer with proposals; the next stage sees the audited stage output
  const document = buildResumeDocument(RESUME_A);
  const research = runLocalTask('research', { document, jobAd: JOB_A, asOf, analysis } as never);
  answers.set('research', research);
  const { dossier } = researchOutput(document, research);
  const draftAnswer = runLocalTask('draft', { jobAd: JOB_A, creativity: 'BALANCED', dossier });
  answers.set('draft', draftAnswer);
  const { draft } = draftOutput(dossier, draftAnswer);
  const starAnswer = runLocalTask('star', { creativeDraft: draft, dossier });
  answers.set('star', starAnswer);
  const { star } = starOutput(dossier, draft, starAnswer);
  answers.set('polish', runLocalTask('polish', { star, jobAd: JOB_A }));
  const suggestions = runLocalTask('suggest', { analysis, jobAd: JOB_A } as never) as { suggestions: unknown };
  answers.set('suggest', suggestions);
  answers.set('critique', runLocalTask('critique', { suggestions: suggestions.suggestions, jobAd: JOB_A } as never));
  for (const name of WIRE_NAMES) if (!answers.has(name)) throw new Error(`no precomputed answer for ${name}`);
  return answers;
}

/** A provider that answers every call at once from a table; `delayMs` > 0 waits that long first (abortably). */
export class TableProvider implements Provider {
  calls = 0;
  /** Calls per wire name (what a wrong total is made of). */
  readonly callsByName = new Map<string, number>();
  constructor(
    private readonly answers: Map<string, unknown>,
    private readonly delayMs = 0,
  ) {}

  async call(request: ProviderCall): Promise<ProviderReply> {
    this.calls++;
    this.callsByName.set(request.name, (this.callsByName.get(request.name) ?? 0) + 1);
    const object = this.answers.get(request.name);
    if (object === undefined) throw new Error(`no answer for ${request.name}`);
    if (this.delayMs > 0) {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(resolve, this.delayMs);
        request.signal.addEventListener('abort', () => {
          clearTimeout(timer);
          reject(new Error('aborted'));
        }, { once: true });
      });
    }
    // A copy, as a provider's parse would give: nothing downstream shares the table's objects.
    return { content: { object: structuredClone(object) }, promptTokens: 0, completionTokens: 0, costUsd: 0, truncated: false };
  }
}

/** The real gateway with every stage on `local`, where `local` is the instant table provider. */
export function instantGateway(config: Config, delayMs = 0): { gateway: ModelGateway; provider: TableProvider } {
  const provider = new TableProvider(precomputedAnswers(), delayMs);
  return { gateway: createGateway(config, { providers: { local: provider } }), provider };
}

// ---------------------------------------------------------------------------------------------
// Inputs
// ---------------------------------------------------------------------------------------------

/** The largest resume (with its job ad) in test/fixtures, or the helper sample when none is there. */
export function largestFixture(): { name: string; resume: string; jobAd: string } {
  const dir = `${ROOT}test/fixtures`;
  let best: { name: string; resume: string; jobAd: string } | null = null;
  try {
    for (const entry of readdirSync(dir)) {
      const resumePath = `${dir}/${entry}/resume.md`;
      const jobPath = `${dir}/${entry}/job.md`;
      try {
        if (!statSync(resumePath).isFile() || !statSync(jobPath).isFile()) continue;
      } catch {
        continue;
      }
      const resume = readFileSync(resumePath, 'utf8');
      if (!best || resume.length > best.resume.length) best = { name: entry, resume, jobAd: readFileSync(jobPath, 'utf8') };
    }
  } catch {
    // no fixtures directory
  }
  return best ?? { name: 'test/helpers/samples.ts RESUME_A', resume: RESUME_A, jobAd: JOB_A };
}

/** A distinct (so never cached) pipeline input: the sample with a unique line in resume and job ad. */
export function uniqueInput(tag: string | number): { resumeText: string; jobAd: string } {
  return { resumeText: `${RESUME_A}\nReference: ${tag}\n`, jobAd: `${JOB_A}\nPosting ${tag}\n` };
}

// ---------------------------------------------------------------------------------------------
// Running a benchmark file on its own
// ---------------------------------------------------------------------------------------------

export function isMain(url: string): boolean {
  return !!process.argv[1] && url === pathToFileURL(process.argv[1]).href;
}

/**
 * Runs a benchmark as a program: prints its figures, and when BENCH_RESULT_FD... is set, writes
 * the JSON result to the file named by BENCH_RESULT_FILE (how bench/run.ts collects results).
 */
export async function runAsMain(run: () => Promise<BenchResult>): Promise<void> {
  const started = performance.now();
  const result = await run();
  result.durationMs = Math.round(performance.now() - started);
  const file = process.env.BENCH_RESULT_FILE;
  if (file) {
    const { writeFileSync } = await import('node:fs');
    writeFileSync(file, JSON.stringify(result));
  }
  printResult(result);
  process.exit(0);
}

export function printResult(result: BenchResult): void {
  console.log(`${result.name} (${((result.durationMs ?? 0) / 1000).toFixed(1)} s)`);
  for (const f of result.figures) {
    const extra = [
      f.baseline !== undefined ? `baseline ${f.baseline} ${f.unit}` : '',
      f.ratio !== undefined ? `ratio ${f.ratio}` : '',
      f.target ? `target ${f.target}` : '',
      f.pass === undefined ? '' : f.pass ? 'PASS' : 'FAIL',
    ]
      .filter(Boolean)
      .join(', ');
    console.log(`  ${f.figure}: ${f.value} ${f.unit}${extra ? `  (${extra})` : ''}`);
  }
  for (const note of result.notes ?? []) console.log(`  note: ${note}`);
}

/**
 * With BENCH_PROFILE=DIR set, records a CPU profile (Node's own V8 profiler, as `--cpu-prof` does)
 * of just `fn` — the measured window — into DIR/NAME.cpuprofile. Otherwise runs `fn`.
 */
export async function profiled<T>(name: string, fn: () => Promise<T>): Promise<T> {
  const dir = process.env.BENCH_PROFILE;
  if (!dir) return fn();
  const { Session } = await import('node:inspector/promises');
  const { mkdirSync, writeFileSync } = await import('node:fs');
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  try {
    return await fn();
  } finally {
    const { profile } = await session.post('Profiler.stop');
    mkdirSync(dir, { recursive: true });
    writeFileSync(`${dir}/${name}.cpuprofile`, JSON.stringify(profile));
    session.disconnect();
  }
}
