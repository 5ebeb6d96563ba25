/**
 * A circuit breaker per model: CLOSED lets calls through and counts failures in a sliding
 * window; at `failureThreshold` failures (and at least `minFailureRate` of the window's calls)
 * it OPENs and every call skips the model; after `coolDownMs` one probe is let through
 * (HALF_OPEN); the probe's success closes the circuit, its failure opens it again.
 */
export type CircuitState = 'CLOSED' | 'OPEN' | 'HALF_OPEN';

export interface BreakerOptions {
  failureThreshold: number;
  windowMs: number;
  coolDownMs: number;
  minFailureRate: number;
}

export const DEFAULT_BREAKER: BreakerOptions = {
  failureThreshold: 5,
  windowMs: 60_000,
  coolDownMs: 30_000,
  minFailureRate: 0.5,
};

export class CircuitBreaker {
  private stateValue: CircuitState = 'CLOSED';
  private openedAt = 0;
  private probeInFlight = false;
  /** Outcomes inside the window, oldest first: [time, failed]. */
  private outcomes: Array<[number, boolean]> = [];

  constructor(
    private readonly options: BreakerOptions,
    private readonly now: () => number,
  ) {}

  /** The state as a caller would see it now (an OPEN circuit past its cool-down reads HALF_OPEN). */
  get state(): CircuitState {
    if (this.stateValue === 'OPEN' && this.now() - this.openedAt >= this.options.coolDownMs) return 'HALF_OPEN';
    return this.stateValue;
  }

  /** Whether a call may go to the model now; in HALF_OPEN only one probe at a time gets a yes. */
  tryAcquire(): boolean {
    const state = this.state;
    if (state === 'CLOSED') return true;
    if (state === 'OPEN') return false;
    if (this.probeInFlight) return false;
    this.stateValue = 'HALF_OPEN';
    this.probeInFlight = true;
    return true;
  }

  /** Hands back a permit whose call ended without a verdict on the model (the caller aborted). */
  release(): void {
    this.probeInFlight = false;
  }

  onSuccess(): void {
    if (this.stateValue === 'HALF_OPEN') {
      this.stateValue = 'CLOSED';
      this.outcomes = [];
    } else {
      this.record(false);
    }
    this.probeInFlight = false;
  }

  onFailure(): void {
    this.probeInFlight = false;
    if (this.stateValue === 'HALF_OPEN') return this.open();
    if (this.stateValue === 'OPEN') return;
    this.record(true);
    let failures = 0;
    for (const [, failed] of this.outcomes) if (failed) failures++;
    if (failures >= this.options.failureThreshold && failures / this.outcomes.length >= this.options.minFailureRate) {
      this.open();
    }
  }

  private open(): void {
    this.stateValue = 'OPEN';
    this.openedAt = this.now();
    this.outcomes = [];
  }

  private record(failed: boolean): void {
    const now = this.now();
    this.outcomes.push([now, failed]);
    const horizon = now - this.options.windowMs;
    let drop = 0;
    while (drop < this.outcomes.length && this.outcomes[drop][0] < horizon) drop++;
    if (drop) this.outcomes.splice(0, drop);
    if (this.outcomes.length > 1_000) this.outcomes.splice(0, this.outcomes.length - 1_000);
  }
}
