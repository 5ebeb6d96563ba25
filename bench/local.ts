/**
 * local: the whole pipeline on the built-in `local` engine, on the largest resume in test/fixtures:
 * every stage in graph order through its real stage code (prompt building, the gateway, zod
 * validation of each answer, POLISH's truthfulness annotation), with no Redis and no stage cache.
 *
 * Method: 30 warm-up runs, then 200 measured runs, one after another. The local engine memoizes
 * parsing by text, so each run gets a distinct input (a unique line appended to resume and job ad):
 * every run pays for parsing, as a new request would.
 */
import { createGateway } from '../src/gateway/index.js';
import type { PipelineInput } from '../src/domain/input.js';
import { runAnalysis } from '../src/pipeline/stages/analysis.js';
import { runCritique } from '../src/pipeline/stages/critique.js';
import { runDraft } from '../src/pipeline/stages/draft.js';
import { runPolish } from '../src/pipeline/stages/polish.js';
import { runResearch } from '../src/pipeline/stages/research.js';
import type { StageContext } from '../src/pipeline/stages/stage.js';
import { runStar } from '../src/pipeline/stages/star.js';
import { runSuggest } from '../src/pipeline/stages/suggest.js';
import { benchConfig, isMain, largestFixture, profiled, round, runAsMain, summarize, type BenchResult } from './lib/common.js';

const RUNS = 200;
const WARMUP = 30;
const TARGET_MS = 20;

export async function benchLocal(): Promise<BenchResult> {
  const fixture = largestFixture();
  const gateway = createGateway(benchConfig('imgbench-local'));
  const ctx: StageContext = { gateway, signal: new AbortController().signal };
  const pipeline = async (input: PipelineInput): Promise<void> => {
    const analysis = (await runAnalysis({ ...input }, ctx)).output;
    const suggestions = runSuggest({ analysis, jobAd: input.jobAd }, ctx).then((s) => runCritique({ suggestions: s.output.suggestions, jobAd: input.jobAd }, ctx));
    const dossier = (await runResearch({ resumeText: input.resumeText, jobAd: input.jobAd, extractedSkills: input.extractedSkills, confidenceThreshold: input.confidenceThreshold, domainInsights: input.domainInsights, asOf: input.asOf, analysis }, ctx)).output;
    const draft = (await runDraft({ jobAd: input.jobAd, creativity: input.creativity, dossier }, ctx)).output;
    const star = (await runStar({ creativeDraft: draft, dossier }, ctx)).output;
    await runPolish({ star, jobAd: input.jobAd }, ctx);
    await suggestions;
  };
  const input = (i: number): PipelineInput => ({
    resumeText: `${fixture.resume}\nRef ${i}\n`,
    jobAd: `${fixture.jobAd}\nPosting ${i}\n`,
    extractedSkills: [],
    domainInsights: null,
    confidenceThreshold: 0.7,
    creativity: 'BALANCED',
    asOf: '2025-06-01',
    bypassCache: false,
  });
  for (let i = 0; i < WARMUP; i++) await pipeline(input(-i - 1));
  const times: number[] = [];
  await profiled('local', async () => {
    for (let i = 0; i < RUNS; i++) {
      const t0 = performance.now();
      await pipeline(input(i));
      times.push(performance.now() - t0);
    }
  });
  gateway.close();
  const s = summarize(times);
  return {
    name: 'local',
    figures: [
      { figure: `full local pipeline p50 (${fixture.name}, ${fixture.resume.length} chars)`, value: round(s.p50, 2), unit: 'ms', target: `<= ${TARGET_MS} ms`, pass: s.p50 <= TARGET_MS },
      { figure: 'full local pipeline p99', value: round(s.p99, 2), unit: 'ms' },
    ],
  };
}

if (isMain(import.meta.url)) await runAsMain(benchLocal);
