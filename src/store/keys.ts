/**
 * Redis key layout. Keys of one enhancement share its id as a hash tag (`{ID}`) so they sit in one
 * Redis Cluster slot and change together in one script.
 */
export class Keys {
  constructor(readonly prefix: string) {}
  record(id: string): string {
    return `${this.prefix}:enh:{${id}}`;
  }
  events(id: string): string {
    return `${this.prefix}:enh:{${id}}:events`;
  }
  channel(id: string): string {
    return `${this.channelPrefix()}${id}`;
  }
  /** What every enhancement's event channel starts with. */
  channelPrefix(): string {
    return `${this.prefix}:events:`;
  }
  /** Workers listen here for cancellations of the jobs they run. */
  cancelChannel(): string {
    return `${this.prefix}:cancel`;
  }
  tenantIndex(tenant: string): string {
    return `${this.prefix}:tenant:{${tenant}}:enh`;
  }
  idempotency(tenant: string, key: string): string {
    return `${this.prefix}:tenant:{${tenant}}:idem:${key}`;
  }
  /** Enhancements not yet ended, by deadline (ms): what the deadline sweeper reads. */
  deadlines(): string {
    return `${this.prefix}:deadlines`;
  }
  /** Held by the one process that sweeps at a time. */
  sweeperLock(): string {
    return `${this.prefix}:sweeper`;
  }
  /** BullMQ's prefix: hash-tagged so a queue's keys share one slot. */
  queuePrefix(): string {
    return `{${this.prefix}:q}`;
  }
}
