/**
 * Fair shares of one worker process's job slots: a tenant runs at most `perTenant` enhancements at
 * once here. A job over its tenant's share goes back to the queue, delayed a little, and the slot
 * it took is free for other tenants' jobs: one tenant's flood waits in its own line. Per process,
 * so N workers let a tenant run up to N × `perTenant`.
 */
export class TenantSlots {
  private readonly running = new Map<string, number>();

  constructor(
    readonly perTenant: number,
    /** How long a job over its tenant's share waits before it is tried again (plus jitter). */
    private readonly retryMs = 500,
  ) {}

  /** Takes a slot for `tenant`; false when it holds its share already. */
  acquire(tenant: string): boolean {
    const held = this.running.get(tenant) ?? 0;
    if (held >= this.perTenant) return false;
    this.running.set(tenant, held + 1);
    return true;
  }

  release(tenant: string): void {
    const held = (this.running.get(tenant) ?? 1) - 1;
    if (held > 0) this.running.set(tenant, held);
    else this.running.delete(tenant);
  }

  /** When a job refused a slot should be tried again. */
  retryAt(now = Date.now()): number {
    return now + this.retryMs + Math.floor(Math.random() * this.retryMs);
  }

  held(tenant: string): number {
    return this.running.get(tenant) ?? 0;
  }
}
