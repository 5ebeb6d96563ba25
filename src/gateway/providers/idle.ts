/**
 * A watchdog for streaming replies: fires when nothing arrives for `idleMs` once the stream has
 * begun. Before the first chunk (a reasoning model may think for a while before it writes) the
 * attempt's own timeout governs.
 */
export class IdleWatch {
  private readonly controller = new AbortController();
  private timer: NodeJS.Timeout | undefined;
  fired = false;

  constructor(private readonly idleMs: number | undefined) {}

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
