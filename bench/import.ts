/**
 * import: importResume's document reading, per format, and what ten imports at once do to the
 * API's event loop.
 *
 * Method. Files are made here (test/documents/make.ts): the largest resume in test/fixtures as
 * markdown, as a one-column PDF and as a DOCX; a JSON Resume of similar size; and a five-page PDF.
 * Each is read RUNS times, one after another, through the DocumentImportPool (worker threads, as
 * the API does), after WARMUP reads: p50 and p99 per format.
 * Then an API process (startApp, role api) gets ten importResume requests of the five-page PDF at
 * once, ROUNDS times, while its event-loop delay is sampled (perf_hooks, 1 ms resolution): the
 * worst delay and the p99. Baseline: the same ten reads done on the event loop itself
 * (readDocument in this thread, as a naive resolver would), sampled the same way.
 */
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { startApp } from '../src/app.js';
import { DocumentImportPool } from '../src/documents/import/pool.js';
import { readDocument } from '../src/documents/import/read.js';
import { DEFAULT_IMPORT_LIMITS } from '../src/documents/import/types.js';
import { createLogger } from '../src/logger.js';
import * as make from '../test/documents/make.js';
import { benchConfig, benchPrefix, dropPrefix, isMain, largestFixture, round, runAsMain, summarize, type BenchFigure, type BenchResult } from './lib/common.js';

const RUNS = 40;
const WARMUP = 5;
const ROUNDS = 5;
const CONCURRENT = 10;
/** Roles repeated to fill five A4 pages. */
const FIVE_PAGE_REPEAT = 18;

async function timeReads(pool: DocumentImportPool, bytes: Uint8Array): Promise<{ p50: number; p99: number; pages: number | null; chars: number }> {
  let last = await pool.read(bytes);
  for (let i = 1; i < WARMUP; i++) await pool.read(bytes);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    last = await pool.read(bytes);
    times.push(performance.now() - t0);
  }
  const s = summarize(times.sort((a, b) => a - b));
  return { p50: s.p50, p99: s.p99, pages: last.pages, chars: last.text.length };
}

async function loopDelayWhile(run: () => Promise<unknown>): Promise<{ max: number; p99: number }> {
  const histogram = monitorEventLoopDelay({ resolution: 1 });
  histogram.enable();
  await run();
  histogram.disable();
  return { max: histogram.max / 1e6, p99: histogram.percentile(99) / 1e6 };
}

export async function benchImport(): Promise<BenchResult> {
  const fixture = largestFixture();
  const fivePages = await make.textPdf({ repeat: FIVE_PAGE_REPEAT });
  const files: Array<[string, Uint8Array]> = [
    [`text/markdown (${fixture.name}, ${fixture.resume.length} chars)`, Buffer.from(fixture.resume)],
    [`PDF (${fixture.name})`, await make.pdfFromMarkdown(fixture.resume)],
    [`DOCX (${fixture.name})`, await make.docxFromMarkdown(fixture.resume)],
    ['JSON Resume (12 roles)', Buffer.from(JSON.stringify(make.largeJsonResume(4)))],
    ['PDF, five pages', fivePages],
  ];
  const figures: BenchFigure[] = [];
  const notes: string[] = [];
  const pool = new DocumentImportPool({ threads: 2 });
  const coldStart = performance.now();
  await pool.read(Buffer.from('warm'));
  notes.push(`first read of a new pool (thread start, TypeScript task loaded through tsx): ${Math.round(performance.now() - coldStart)} ms`);
  for (const [label, bytes] of files) {
    const t = await timeReads(pool, bytes);
    figures.push({ figure: `import ${label} p50`, value: round(t.p50, 1), unit: 'ms' });
    figures.push({ figure: `import ${label} p99`, value: round(t.p99, 1), unit: 'ms' });
    notes.push(`${label}: ${bytes.byteLength} bytes → ${t.chars} characters${t.pages === null ? '' : `, ${t.pages} pages`}`);
  }
  await pool.close();

  // The API under ten imports at once.
  const prefix = benchPrefix('import');
  const app = await startApp({ config: benchConfig(prefix), role: 'api', logger: createLogger('silent') });
  const body = JSON.stringify({
    query: 'mutation($file: DocumentInput!) { importResume(file: $file) { characters pages } }',
    variables: { file: { filename: 'resume.pdf', contentBase64: fivePages.toString('base64') } },
  });
  const importOnce = async () => {
    const response = await fetch(app.api!.url, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    const json = (await response.json()) as { data?: { importResume: { pages: number } } };
    if (json.data?.importResume.pages !== 5) throw new Error(`import failed: ${JSON.stringify(json)}`);
  };
  await importOnce(); // start the threads
  const threaded: Array<{ max: number; p99: number }> = [];
  const wall: number[] = [];
  for (let round = 0; round < ROUNDS; round++) {
    const t0 = performance.now();
    threaded.push(await loopDelayWhile(() => Promise.all(Array.from({ length: CONCURRENT }, importOnce))));
    wall.push(performance.now() - t0);
  }
  await app.close();
  await dropPrefix(prefix);
  const onLoop: Array<{ max: number; p99: number }> = [];
  for (let round = 0; round < ROUNDS; round++) {
    onLoop.push(await loopDelayWhile(() => Promise.all(Array.from({ length: CONCURRENT }, () => readDocument(fivePages, DEFAULT_IMPORT_LIMITS)))));
  }
  const worst = (xs: Array<{ max: number; p99: number }>, key: 'max' | 'p99') => Math.max(...xs.map((x) => x[key]));
  const threadedMax = worst(threaded, 'max');
  const baselineMax = worst(onLoop, 'max');
  figures.push({
    figure: `API event-loop delay, worst, ${CONCURRENT} five-page PDF imports at once (${ROUNDS} rounds)`,
    value: round(threadedMax, 1),
    unit: 'ms',
    baseline: round(baselineMax, 1),
    ratio: round(threadedMax / baselineMax, 3),
    target: '<= 100 ms',
    pass: threadedMax <= 100,
  });
  figures.push({ figure: 'API event-loop delay p99 during those imports', value: round(worst(threaded, 'p99'), 1), unit: 'ms', baseline: round(worst(onLoop, 'p99'), 1) });
  figures.push({ figure: `${CONCURRENT} imports at once, wall time p50`, value: round(summarize(wall.sort((a, b) => a - b)).p50, 0), unit: 'ms' });
  notes.push('event-loop baseline: the same ten reads run on the event loop itself (no worker threads)');
  return { name: 'import', figures, notes };
}

if (isMain(import.meta.url)) await runAsMain(benchImport);
