// The worker thread's entry, in plain JavaScript so that it loads the same under tsx, vitest and
// node: it loads the TypeScript task through tsx's loader (scoped to this import, nothing global).
import { tsImport } from 'tsx/esm/api';

const { default: task } = await tsImport('./task.ts', import.meta.url);
export default task;
