// Entry of each pool thread. Plain JavaScript so that a thread can start under every runner:
// under `tsx` the thread inherits its loader; under vitest (or plain node) it has none, and
// tsx's `tsImport` loads the TypeScript task table on its own.
import { tsImport } from 'tsx/esm/api';

let tasks;
try {
  tasks = await import('./tasks.ts');
} catch (error) {
  if (error?.code !== 'ERR_UNKNOWN_FILE_EXTENSION') throw error;
  tasks = await tsImport('./tasks.ts', import.meta.url);
}

export default tasks.runCpuTask;
