/**
 * Real-server personas (issue 13): for each fake-server persona, whole enhancements through the
 * real app — attempts and model calls per enhancement, and time to COMPLETED against the clean
 * fake in the same run. Then live previews: from a provider's chunk being written to the
 * subscriber receiving the text it ends in (p50/p99; includes the gateway's 250 ms throttle).
 *
 *   npm run bench -- personas
 */
import { previewOfPartial } from '../src/gateway/preview.js';
import { startFakeOpenAI } from '../test/fakes/openai-server.js';
import { PERSONAS, usePersona, type PersonaName } from '../test/fakes/server-personas.js';
import { answerEveryStage } from '../test/helpers/model-replies.js';
import { everyStage, runEnhancement, totals, withApp } from '../test/helpers/personas.js';
import { isMain, percentile, ratio, round, runAsMain, type BenchFigure, type BenchResult } from './lib/common.js';

const RUNS = Number(process.env.BENCH_PERSONA_RUNS ?? 3);

interface PersonaFigures {
  /** Of the first enhancement on a fresh app, before the model's step and a once-only fault are remembered. */
  firstAttempts: number;
  attempts: number;
  calls: number;
  msToCompleted: number;
  outputMode: string | null | undefined;
}

async function measure(persona: PersonaName): Promise<PersonaFigures> {
  const fake = await startFakeOpenAI();
  answerEveryStage(fake);
  const model = `bench-${persona}/gpt-4o-mini`;
  usePersona(fake, model, persona);
  try {
    return await withApp({ OPENROUTER_API_KEY_1: 'sk-bench', OPENROUTER_BASE_URL: fake.url, ...everyStage(`openrouter/${model}`) }, async (app) => {
      let attempts = 0;
      let calls = 0;
      const times: number[] = [];
      let outputMode: string | null | undefined;
      let firstAttempts = 0;
      for (let i = 0; i < RUNS; i++) {
        const run = await runEnhancement(app, `openrouter/${model}`);
        if (run.result.status !== 'COMPLETED') throw new Error(`${persona}: ${run.result.status} ${JSON.stringify(run.result.error)}`);
        const t = totals(run);
        if (i === 0) firstAttempts = t.attempts;
        attempts += t.attempts;
        calls += t.llmCalls;
        times.push(run.msToEnd);
        outputMode = run.outputMode;
      }
      times.sort((a, b) => a - b);
      return { firstAttempts, attempts: attempts / RUNS, calls: calls / RUNS, msToCompleted: percentile(times, 50), outputMode };
    });
  } finally {
    await fake.close();
  }
}

async function previewLatency(): Promise<number[]> {
  const fake = await startFakeOpenAI();
  answerEveryStage(fake);
  const lines = Array.from({ length: 40 }, (_, i) => `- Shipped improvement ${i + 1} to the payments platform`).join('\n');
  fake.respond('polish', () => ({ finalResumeMarkdown: `# Jane Doe\n\n${lines}`, editorialNotes: [], provenance: [] }));
  usePersona(fake, 'bench/writer', 'slow-stream');
  try {
    return await withApp({ OPENROUTER_API_KEY_1: 'sk-bench', OPENROUTER_BASE_URL: fake.url, ...everyStage('bench/writer') }, async (app) => {
      const latencies: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        fake.chunks.length = 0;
        const t0 = performance.now();
        const run = await runEnhancement(app, 'openrouter/bench/writer', { preview: true });
        // Each preview is the render of the reply so far at some chunk: the first chunk whose
        // content renders to exactly that text is the one it was made from.
        const rendered = fake.chunks.map((c) => ({ at: c.at - t0, text: previewOfPartial(c.text) }));
        for (const preview of run.previews) {
          if (!preview.text) continue;
          const source = rendered.find((c) => c.text === preview.text && c.at <= preview.atMs);
          if (source) latencies.push(preview.atMs - source.at);
        }
      }
      return latencies.sort((a, b) => a - b);
    });
  } finally {
    await fake.close();
  }
}

export async function benchPersonas(): Promise<BenchResult> {
  const figures: BenchFigure[] = [];
  const notes: string[] = [];
  const clean = await measure('clean');
  for (const persona of PERSONAS) {
    const f = persona === 'clean' ? clean : await measure(persona);
    figures.push({ figure: `${persona}: attempts, first enhancement`, value: f.firstAttempts, unit: '', baseline: clean.firstAttempts, ratio: ratio(f.firstAttempts, clean.firstAttempts) });
    figures.push({ figure: `${persona}: attempts / enhancement (mean of ${RUNS})`, value: round(f.attempts, 2), unit: '', baseline: clean.attempts, ratio: ratio(f.attempts, clean.attempts) });
    figures.push({ figure: `${persona}: model calls / enhancement`, value: round(f.calls, 2), unit: '' });
    figures.push({
      figure: `${persona}: time to COMPLETED (p50 of ${RUNS})`,
      value: round(f.msToCompleted, 1),
      unit: 'ms',
      baseline: round(clean.msToCompleted, 1),
      ratio: ratio(f.msToCompleted, clean.msToCompleted),
    });
    notes.push(`${persona}: ends at output mode ${f.outputMode}`);
  }
  const latencies = await previewLatency();
  figures.push({ figure: `preview chunk → subscriber p50 (${latencies.length} previews)`, value: round(percentile(latencies, 50), 1), unit: 'ms', target: '<= 300 ms', pass: percentile(latencies, 50) <= 300 });
  figures.push({ figure: 'preview chunk → subscriber p99', value: round(percentile(latencies, 99), 1), unit: 'ms' });
  notes.push('preview latency includes the gateway throttle (at most one preview per 250 ms per call): a chunk waits up to 250 ms for its flush');
  return { name: 'personas', figures, notes };
}

if (isMain(import.meta.url)) await runAsMain(benchPersonas);
