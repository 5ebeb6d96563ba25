/**
 * export: how long one render takes (`render()`, the pure function exportResume and
 * exportCoverLetter call: render model in, file bytes out), per format, on the largest resume in
 * test/fixtures after the whole local pipeline (its final resume), and on a long resume of about
 * five PDF pages; plus the final document (document and applied changes) into the render model, and
 * the letter formats.
 *
 * Method: 20 warm-up renders per format, then 200 measured ones, one after another, in this process.
 */
import { letterFromMarkdown, render, resumeFromDocument, type RenderJob } from '../src/documents/render/index.js';
import type { PolishedResume } from '../src/domain/outputs.js';
import { EXPORT_FORMATS, type RenderedResume } from '../src/domain/rendered-resume.js';
import { runLocalTask } from '../src/local/index.js';
import { runChain } from '../test/local/helpers.js';
import { isMain, largestFixture, round, runAsMain, summarize, type BenchFigure, type BenchResult } from './lib/common.js';

const RUNS = 200;
const WARMUP = 20;
// A render holds its thread: even the slowest of 200 must stay short on a loaded two-core machine.
const TARGET_P99_MS = 250;

function finalResume(resumeText: string, jobAd: string): { polished: PolishedResume; letterText: string } {
  // The whole local pipeline as the stages run it (answers turned into audited changes), then the letter.
  const { dossier, polished } = runChain(resumeText, jobAd, { asOf: '2025-06-01' });
  const letter = runLocalTask('cover_letter', { jobAd, dossier });
  return { polished, letterText: [letter.salutation, ...letter.paragraphs, letter.closing].join('\n\n') };
}

/** About five pages: the fixture's roles repeated with distinct names. */
function longResume(base: RenderedResume): RenderedResume {
  return {
    ...base,
    sections: base.sections.map((s) =>
      s.entries.length
        ? { ...s, entries: Array.from({ length: 6 }, (_, i) => s.entries.map((e) => ({ ...e, company: `${e.company} ${i + 1}` }))).flat() }
        : s,
    ),
  };
}

function pair(figures: BenchFigure[], what: string, s: { p50: number; p99: number }, targetP99?: number): void {
  figures.push({ figure: `${what} p50`, value: round(s.p50, 2), unit: 'ms' });
  figures.push({
    figure: `${what} p99`,
    value: round(s.p99, 2),
    unit: 'ms',
    ...(targetP99 === undefined ? {} : { target: `<= ${targetP99} ms`, pass: s.p99 <= targetP99 }),
  });
}

async function time(job: RenderJob, runs = RUNS, warmup = WARMUP): Promise<{ p50: number; p99: number; bytes: number }> {
  let bytes = 0;
  for (let i = 0; i < warmup; i++) bytes = (await render(job)).bytes.byteLength;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await render(job);
    times.push(performance.now() - t0);
  }
  const s = summarize(times);
  return { p50: s.p50, p99: s.p99, bytes };
}

export async function benchExport(): Promise<BenchResult> {
  const fixture = largestFixture();
  const { polished, letterText } = finalResume(fixture.resume, fixture.jobAd);
  const figures: BenchFigure[] = [];

  const adapter: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t0 = performance.now();
    resumeFromDocument(polished.document, polished.changes);
    adapter.push(performance.now() - t0);
  }
  const a = summarize(adapter);
  pair(figures, `document + applied changes → render model (${fixture.name})`, a);

  const resume = resumeFromDocument(polished.document, polished.changes);
  for (const format of EXPORT_FORMATS) {
    const r = await time({ kind: 'resume', format, resume });
    pair(figures, `resume ${format} (${fixture.name}, ${r.bytes} bytes)`, r, TARGET_P99_MS);
  }
  const long = longResume(resume);
  for (const format of ['PDF', 'DOCX'] as const) {
    const r = await time({ kind: 'resume', format, resume: long });
    pair(figures, `resume ${format} (about 5 pages, ${r.bytes} bytes)`, r);
  }
  // The worst a request can ask: a final resume near the default 60,000-character input limit.
  const huge = { ...resume, sections: resume.sections.map((s) => (s.entries.length ? { ...s, entries: Array.from({ length: 45 }, () => s.entries).flat() } : s)) };
  const hugeChars = JSON.stringify(huge).length;
  for (const format of ['PDF', 'DOCX', 'JSON_RESUME'] as const) {
    const r = await time({ kind: 'resume', format, resume: huge }, 20, 3);
    pair(figures, `resume ${format} near the input limit (${hugeChars} chars of render model, 20 runs)`, r);
  }
  const letter = letterFromMarkdown(letterText, resume.name);
  for (const format of ['MARKDOWN', 'PDF', 'DOCX'] as const) {
    const r = await time({ kind: 'letter', format, letter });
    pair(figures, `cover letter ${format}`, r);
  }
  return { name: 'export', figures };
}

if (isMain(import.meta.url)) await runAsMain(benchExport);
