/**
 * The CPU-heavy work the pool runs, by name. Each task takes plain data and returns plain data
 * (structured-cloned across the thread boundary; the ArrayBuffers `TRANSFER` names for a task are
 * moved instead of copied). Add a task here and call it with `cpu.run('<name>', input)`: nothing
 * else changes.
 */
import { move, transferableSymbol, valueSymbol } from 'piscina';
import { verifyTailoring } from '../audit/index.js';
import type { TailoringVerdict } from '../domain/changes.js';
import type { RenderedFile } from '../domain/rendered-resume.js';
import { render, type RenderJob } from '../documents/render/index.js';
import { runLocalTask } from '../local/index.js';
import type { LocalTaskName, LocalTasks } from '../local/types.js';

export interface CpuTasks {
  /** Loads the task table on a thread and runs the engine once on a tiny resume, so the first real task pays for neither. */
  warm: { in: null; out: true };
  /** One task of the deterministic engine (the `local` provider). */
  local: { in: { name: LocalTaskName; input: LocalTasks[LocalTaskName]['in'] }; out: unknown };
  /** The truthfulness audit of a tailored resume against its original. */
  verifyTailoring: { in: { original: string; tailored: string; jobAd: string | null }; out: TailoringVerdict };
  /** A resume or letter rendered as a file (markdown, PDF, DOCX, JSON Resume); its bytes come back by transfer. */
  render: { in: RenderJob; out: RenderedFile };
}

export type CpuTaskName = keyof CpuTasks;

export const CPU_TASKS: { [N in CpuTaskName]: (input: CpuTasks[N]['in']) => CpuTasks[N]['out'] | Promise<CpuTasks[N]['out']> } = {
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
  render: (job) => render(job),
};

/** The buffers a task's answer hands back by transfer (each must be the whole ArrayBuffer of its view). */
const TRANSFER: { [N in CpuTaskName]?: (output: CpuTasks[N]['out']) => ArrayBuffer[] } = {
  render: (file) => [file.bytes.buffer as ArrayBuffer],
};

/** What a pool thread runs: the named task on its input. */
export async function runCpuTask({ task, input }: { task: CpuTaskName; input: unknown }): Promise<unknown> {
  const run = CPU_TASKS[task] as ((input: unknown) => unknown) | undefined;
  if (!run) throw new Error(`unknown CPU task: ${String(task)}`);
  const output = await run(input);
  const transfer = (TRANSFER[task] as ((output: unknown) => ArrayBuffer[]) | undefined)?.(output);
  return transfer?.length ? move({ [transferableSymbol]: transfer, [valueSymbol]: output as object }) : output;
}
