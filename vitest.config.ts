import { createRequire } from 'node:module';
import { defineConfig } from 'vitest/config';

const require = createRequire(import.meta.url);

export default defineConfig({
  resolve: {
    // One graphql instance for every importer, or type-graphql and Apollo disagree ("Duplicate graphql modules").
    alias: { graphql: require.resolve('graphql/index.js') },
  },
  test: {
    // Two projects: everything on one Redis, and the end-to-end, replay, multi-process and crash
    // tests again on a real local Redis Cluster (3 masters, a replica each) that its global set-up
    // starts (test/cluster-setup.ts).
    projects: [
      { extends: true, test: { name: 'redis', include: ['test/**/*.test.ts'] } },
      {
        extends: true,
        test: {
          name: 'cluster',
          include: [
            'test/api/enhancement.e2e.test.ts',
            'test/api/progress-replay.test.ts',
            'test/api/multi-process.test.ts',
            'test/resilience/worker-crash.test.ts',
            'test/services/idempotency.test.ts',
          ],
          globalSetup: ['test/cluster-setup.ts'],
        },
      },
    ],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    setupFiles: ['test/setup.ts'],
  },
});
