/** A watchdog for streaming replies: fires when nothing arrives for `idleMs`. */
export class IdleWatch {
  private readonly controller = new AbortController();
  private timer: NodeJS.Timeout | undefined;
  fired = false;

  constructor(private readonly idleMs: number | undefined) {
    this.touch();
  }

  /** Aborts the request when the watchdog fires. */
  get signal(): AbortSignal {
    return this.controller.signal;
  }

  /** Something arrived: the idle time starts again. */
  touch(): void {
    if (!this.idleMs) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.fired = true;
      this.controller.abort();
    }, this.idleMs);
  }

  stop(): void {
    clearTimeout(this.timer);
  }
}
