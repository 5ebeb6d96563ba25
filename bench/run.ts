/**
 * Runs the benchmarks, each in its own process (so one's heap, JIT state and sockets never colour
 * another's figures), prints one table and writes bench/results/latest.json and latest.md.
 *
 *   npm run bench                 # all of them
 *   npm run bench -- NAME [NAME]  # some: throughput latency-bound fanout query cached gateway local personas export import isolation cluster
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { type BenchResult, printResult, REDIS_URL, ROOT } from './lib/common.js';

const BENCHMARKS = ['throughput', 'latency-bound', 'fanout', 'query', 'cached', 'gateway', 'local', 'personas', 'export', 'import', 'isolation', 'cluster'] as const;
/** A benchmark that has not finished by then is stopped and reported as failed. */
const TIME_LIMIT_MS = 4 * 60_000;

const asked = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const unknown = asked.filter((a) => !(BENCHMARKS as readonly string[]).includes(a));
if (unknown.length) {
  console.error(`unknown benchmark(s): ${unknown.join(', ')}; known: ${BENCHMARKS.join(', ')}`);
  process.exit(2);
}
const chosen = asked.length ? BENCHMARKS.filter((b) => asked.includes(b)) : [...BENCHMARKS];

function runOne(name: string): Promise<BenchResult> {
  const file = `${tmpdir()}/imaginator-bench-${process.pid}-${name}.json`;
  rmSync(file, { force: true });
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', `bench/${name}.ts`], {
      cwd: ROOT,
      env: { ...process.env, REDIS_URL, BENCH_RESULT_FILE: file },
      stdio: ['ignore', 'inherit', 'inherit'],
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), TIME_LIMIT_MS);
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      try {
        const result = JSON.parse(readFileSync(file, 'utf8')) as BenchResult;
        rmSync(file, { force: true });
        resolve(result);
      } catch {
        resolve({
          name,
          figures: [{ figure: 'benchmark ran to the end', value: 0, unit: '', target: 'exit 0', pass: false }],
          notes: [`exited with ${signal ?? code} and no result`],
          durationMs: Math.round(performance.now() - started),
        });
      }
    });
  });
}

const results: BenchResult[] = [];
for (const name of chosen) {
  console.log(`\n== ${name}`);
  results.push(await runOne(name));
}

const cell = (v: unknown): string => (v === undefined || v === null || Number.isNaN(v) ? '' : String(v));
const rows = results.flatMap((r) =>
  r.figures.map((f) => [r.name, f.figure, `${f.value} ${f.unit}`.trim(), f.baseline === undefined ? '' : `${f.baseline} ${f.unit}`.trim(), cell(f.ratio), cell(f.target), f.pass === undefined ? '' : f.pass ? 'PASS' : 'FAIL']),
);
const header = ['bench', 'figure', 'value', 'baseline', 'ratio', 'target', 'result'];
const md = [
  `# Benchmark results`,
  '',
  `${new Date().toISOString()} · Node ${process.version} · ${(await import('node:os')).cpus().length} CPUs · Redis ${REDIS_URL}`,
  '',
  `| ${header.join(' | ')} |`,
  `| ${header.map(() => '---').join(' | ')} |`,
  ...rows.map((row) => `| ${row.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`),
  '',
  ...results.flatMap((r) => (r.notes ?? []).map((n) => `- ${r.name}: ${n}`)),
  '',
].join('\n');

console.log('\n');
for (const r of results) printResult(r);
const dir = `${ROOT}bench/results`;
mkdirSync(dir, { recursive: true });
// A partial run (named benchmarks) updates those and keeps the others' last figures.
let previous: BenchResult[] = [];
try {
  previous = (JSON.parse(readFileSync(`${dir}/latest.json`, 'utf8')) as { results: BenchResult[] }).results ?? [];
} catch {
  // first run
}
const merged = asked.length ? [...previous.filter((p) => !chosen.includes(p.name as never)), ...results] : results;
merged.sort((a, b) => BENCHMARKS.indexOf(a.name as never) - BENCHMARKS.indexOf(b.name as never));
writeFileSync(`${dir}/latest.json`, `${JSON.stringify({ at: new Date().toISOString(), node: process.version, results: merged }, null, 2)}\n`);
if (asked.length && merged.length !== results.length) {
  // Re-render the table over the merged results.
  const all = merged.flatMap((r) =>
    r.figures.map((f) => [r.name, f.figure, `${f.value} ${f.unit}`.trim(), f.baseline === undefined ? '' : `${f.baseline} ${f.unit}`.trim(), cell(f.ratio), cell(f.target), f.pass === undefined ? '' : f.pass ? 'PASS' : 'FAIL']),
  );
  const lines = md.split('\n');
  const start = lines.findIndex((l) => l.startsWith('| bench'));
  lines.splice(start + 2, rows.length, ...all.map((row) => `| ${row.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`));
  writeFileSync(`${dir}/latest.md`, lines.join('\n'));
} else {
  writeFileSync(`${dir}/latest.md`, md);
}
console.log(`\nwrote bench/results/latest.json and latest.md`);
process.exit(results.some((r) => r.figures.some((f) => f.pass === false && f.figure === 'benchmark ran to the end')) ? 1 : 0);
