/**
 * The CPU-heavy work the pool runs, by name. Each task takes plain data and returns plain data
 * (structured-cloned across the thread boundary). Add a task here (document parsing, rendering)
 * and call it with `cpu.run('<name>', input)`: nothing else changes.
 */
import { verifyTailoring } from '../audit/index.js';
import type { TailoringVerdict } from '../domain/changes.js';
import { runLocalTask } from '../local/index.js';
import type { LocalTaskName, LocalTasks } from '../local/types.js';

export interface CpuTasks {
  /** Loads the task table on a thread and runs the engine once on a tiny resume, so the first real task pays for neither. */
  warm: { in: null; out: true };
  /** One task of the deterministic engine (the `local` provider). */
  local: { in: { name: LocalTaskName; input: LocalTasks[LocalTaskName]['in'] }; out: unknown };
  /** The truthfulness audit of a tailored resume against its original. */
  verifyTailoring: { in: { original: string; tailored: string; jobAd: string | null }; out: TailoringVerdict };
}

export type CpuTaskName = keyof CpuTasks;

export const CPU_TASKS: { [N in CpuTaskName]: (input: CpuTasks[N]['in']) => CpuTasks[N]['out'] } = {
  warm: () => {
    const resumeText = 'Ann Lee\nEngineer — Initech\nJan 2020 – Present\n- Cut latency by 20% with TypeScript';
    const jobAd = 'Engineer. Requirements: TypeScript, Kubernetes';
    const profile = runLocalTask('analysis', { resumeText, extractedSkills: [], confidenceThreshold: 0.7, asOf: '2026-01-01' });
    runLocalTask('analysis_gap', { resumeText, jobAd, profile, domainInsights: null });
    verifyTailoring(resumeText, resumeText, jobAd);
    return true;
  },
  local: ({ name, input }) => runLocalTask(name, input as never),
  verifyTailoring: ({ original, tailored, jobAd }) => verifyTailoring(original, tailored, jobAd),
};

/** What a pool thread runs: the named task on its input. */
export function runCpuTask({ task, input }: { task: CpuTaskName; input: unknown }): unknown {
  const run = CPU_TASKS[task] as ((input: unknown) => unknown) | undefined;
  if (!run) throw new Error(`unknown CPU task: ${String(task)}`);
  return run(input);
}
