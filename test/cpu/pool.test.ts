import { monitorEventLoopDelay } from 'node:perf_hooks';
import { describe, expect, it } from 'vitest';
import { CpuQueueFullError, CpuTaskAbortedError, withCpuTenant } from '../../src/cpu/index.js';
import { verifyTailoring } from '../../src/local/index.js';
import { poolsClosedAfterAll } from '../helpers/cpu-pools.js';

/** A resume of about `chars` characters (the audit's cost grows with its size). */
function resumeOf(chars: number): string {
  const lines: string[] = ['Jane Doe', 'jane@example.com', '', 'Experience'];
  for (let i = 0; lines.join('\n').length < chars; i++) {
    lines.push(`Senior Engineer ${i} — Company${i} Ltd`, `Jan ${2000 + (i % 20)} – Dec ${2001 + (i % 20)}`, `- Led ${i % 9} engineers to cut latency by ${i % 50}% on service ${i}`);
  }
  return lines.join('\n').slice(0, chars);
}

const pool = poolsClosedAfterAll();

describe('CPU pool', () => {
  it('runs a named task on a thread and answers what the engine answers in-process', async () => {
    const original = resumeOf(3_000);
    const tailored = `${original}\nCertified Kubernetes Administrator (CKA)`;
    const verdict = await pool({ threads: 1 }).run('verifyTailoring', { original, tailored, jobAd: 'Kubernetes, TypeScript' });
    expect(verdict).toEqual(verifyTailoring(original, tailored, 'Kubernetes, TypeScript'));
    expect(verdict.findings.map((f) => f.kind)).toContain('INVENTED_CERTIFICATION');
  });

  it('keeps the event loop answering while maximum-size audits run', async () => {
    const cpu = pool({ threads: 1 });
    const original = resumeOf(60_000);
    await cpu.run('verifyTailoring', { original, tailored: original, jobAd: null }); // thread warm
    const delay = monitorEventLoopDelay({ resolution: 10 });
    delay.enable();
    const started = performance.now();
    await Promise.all([1, 2, 3].map((i) => cpu.run('verifyTailoring', { original, tailored: `${original}\n- extra ${i}`, jobAd: 'TypeScript' })));
    delay.disable();
    const tookMs = performance.now() - started;
    const inlineStarted = performance.now();
    verifyTailoring(original, `${original}\n- extra 0`, 'TypeScript');
    const oneInlineMs = performance.now() - inlineStarted;
    // In-process, the loop would have stood still for each audit in turn; here it stays far below one audit.
    expect(delay.percentile(99) / 1e6).toBeLessThan(Math.max(100, oneInlineMs / 2));
    expect(tookMs).toBeGreaterThan(0);
  });

  it("queues a tenant's flood in its own line: another tenant's task goes ahead of it", async () => {
    const cpu = pool({ threads: 1, perTenant: 1 });
    const original = resumeOf(30_000);
    const finished: string[] = [];
    const flood = Array.from({ length: 6 }, (_, i) =>
      withCpuTenant('greedy', () => cpu.run('verifyTailoring', { original, tailored: `${original}\n- ${i}`, jobAd: null })).then(() => finished.push(`greedy${i}`)),
    );
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(cpu.load().get('greedy')).toEqual({ running: 1, waiting: 5 });
    const other = cpu.run('verifyTailoring', { original: 'Ann Lee\nEngineer — Initech', tailored: 'Ann Lee\nEngineer — Initech', jobAd: null }, { tenant: 'modest' });
    await other.then(() => finished.push('modest'));
    await Promise.all(flood);
    // The modest tenant waited for at most the one greedy task in the pool, not for the whole flood.
    expect(finished.indexOf('modest')).toBeLessThanOrEqual(2);
    expect(cpu.load().size).toBe(0);
  });

  it("refuses a task past the tenant's line length, and only that tenant's", async () => {
    const cpu = pool({ threads: 1, perTenant: 1, maxQueuedPerTenant: 2 });
    const original = resumeOf(20_000);
    const task = (tenant: string) => cpu.run('verifyTailoring', { original, tailored: original, jobAd: null }, { tenant });
    const accepted = [task('t'), task('t'), task('t')]; // one running, two waiting
    await expect(task('t')).rejects.toBeInstanceOf(CpuQueueFullError);
    await expect(task('u')).resolves.toMatchObject({ faithful: true });
    await Promise.all(accepted);
  });

  it('a cancelled task leaves its line and rejects', async () => {
    const cpu = pool({ threads: 1, perTenant: 1 });
    const original = resumeOf(30_000);
    const first = cpu.run('verifyTailoring', { original, tailored: original, jobAd: null }, { tenant: 't' });
    const controller = new AbortController();
    const second = cpu.run('verifyTailoring', { original, tailored: original, jobAd: null }, { tenant: 't', signal: controller.signal });
    controller.abort();
    await expect(second).rejects.toBeInstanceOf(CpuTaskAbortedError);
    await first;
    expect(cpu.load().size).toBe(0);
  });
});
