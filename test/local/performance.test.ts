/** The full local pipeline on the largest fixture: prints its time; target under 20 ms (warm, median of runs). */
import { describe, expect, it } from 'vitest';
import { loadFixtures, runChain } from './helpers.js';

describe('local engine speed', () => {
  it('runs the full chain on the largest fixture in under 20 ms', () => {
    const fixtures = loadFixtures();
    const largest = fixtures.reduce((a, b) => (b.resume.length + b.job.length > a.resume.length + a.job.length ? b : a));
    for (let i = 0; i < 5; i++) runChain(`${largest.resume}\n<!-- warm ${i} -->`, largest.job); // compile regexes, JIT
    const times: number[] = [];
    for (let i = 0; i < 25; i++) {
      // a fresh resume text each run, so no per-document cache can answer
      const resume = `${largest.resume}\n\nInterests\nRun ${i}`;
      const t = performance.now();
      runChain(resume, largest.job);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)];
    console.log(`full local pipeline on ${largest.id} (${largest.resume.length + largest.job.length} chars): median ${median.toFixed(2)} ms, min ${times[0].toFixed(2)} ms, max ${times[times.length - 1].toFixed(2)} ms`);
    expect(median).toBeLessThan(20);
  });
});
