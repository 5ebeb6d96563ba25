import { afterAll } from 'vitest';
import { CpuPool } from '../../src/cpu/index.js';

/** A CpuPool factory for one test file: every pool it makes is closed after the file's tests. */
export function poolsClosedAfterAll(): (options: ConstructorParameters<typeof CpuPool>[0]) => CpuPool {
  const pools: CpuPool[] = [];
  afterAll(async () => {
    await Promise.all(pools.map((p) => p.close()));
  });
  return (options) => {
    const created = new CpuPool(options);
    pools.push(created);
    return created;
  };
}
