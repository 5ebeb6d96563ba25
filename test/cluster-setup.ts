/**
 * Global set-up of the `cluster` test project: a real local Redis Cluster (3 masters, a replica
 * each) that the project's tests reach through REDIS_CLUSTER_NODES.
 */
import type { TestProject } from 'vitest/node';
import { PrivateCluster } from './helpers/redis-cluster.js';

declare module 'vitest' {
  export interface ProvidedContext {
    clusterNodes: string;
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const cluster = await PrivateCluster.start();
  project.provide('clusterNodes', cluster.seeds);
  return () => cluster.stop();
}
