export { configureCpuPool, cpuPool, CpuPool, CpuQueueFullError, CpuTaskAbortedError, withCpuTenant, type CpuPoolOptions } from './pool.js';
export type { CpuTaskName, CpuTasks } from './tasks.js';
