import type { Redis } from 'ioredis';
import type { Config } from '../config.js';
import type { CpuPool } from '../cpu/index.js';
import type { EventHub } from '../events/hub.js';
import type { ModelInfo as GatewayModelInfo } from '../gateway/index.js';
import type { EnhancementQueue } from '../queue/index.js';
import type { ImportService } from '../services/import-service.js';
import type { EnhancementService } from '../services/enhancement-service.js';
import type { EnhancementStore } from '../store/enhancement-store.js';

/** What the API's resolvers use; one set per process. */
export interface ApiServices {
  config: Config;
  redis: Redis;
  store: EnhancementStore;
  queue: EnhancementQueue;
  hub: EventHub;
  /** Start, run, cancel and follow enhancements. */
  enhancements: EnhancementService;
  /** Per-key request and enhancement rates. */
  rateLimits: { request(tenant: string): Promise<void>; enhancement(tenant: string): Promise<void> };
  /** The tenant's daily model budget; null when off. */
  budget: { exceeded(tenant: string): Promise<boolean>; limitUsd: number } | null;
  /** The gateway's models and their health (the `models` query). */
  modelRegistry: { models(): GatewayModelInfo[]; syncOutputModes?(): Promise<void> };
  /** importResume: documents read to text in worker threads. */
  imports: ImportService;
  /** The tenant's storage quota: why it may not store another enhancement, or null. Null when off. */
  quota: { refusal(tenant: string): Promise<string | null> } | null;
  /** Worker threads for CPU-heavy work (the audit), with a line per tenant. */
  cpu: Pick<CpuPool, 'run'>;
}

export interface RequestContext {
  tenant: string;
  services: ApiServices;
}
