/** The process's health registry: per model, recent success rate, p50 latency, consecutive failures and its breaker. */
import { CircuitBreaker, type BreakerOptions, type CircuitState } from './breaker.js';

const SAMPLE = 100;

export class ModelHealth {
  readonly breaker: CircuitBreaker;
  consecutiveFailures = 0;
  calls = 0;
  private recent: boolean[] = [];
  private latencies: number[] = [];

  constructor(breaker: BreakerOptions, now: () => number) {
    this.breaker = new CircuitBreaker(breaker, now);
  }

  success(latencyMs: number): void {
    this.calls++;
    this.consecutiveFailures = 0;
    push(this.recent, true);
    push(this.latencies, latencyMs);
    this.breaker.onSuccess();
  }

  failure(): void {
    this.calls++;
    this.consecutiveFailures++;
    push(this.recent, false);
    this.breaker.onFailure();
  }

  get circuit(): CircuitState {
    return this.breaker.state;
  }

  /** Share of the last 100 attempts that succeeded; null before the first. */
  get successRate(): number | null {
    if (!this.recent.length) return null;
    let ok = 0;
    for (const r of this.recent) if (r) ok++;
    return ok / this.recent.length;
  }

  /** Median latency of the last 100 successful attempts; null before the first. */
  get p50LatencyMs(): number | null {
    if (!this.latencies.length) return null;
    const sorted = [...this.latencies].sort((a, b) => a - b);
    return sorted[Math.floor((sorted.length - 1) / 2)];
  }

  get healthy(): boolean {
    const rate = this.successRate;
    return this.circuit === 'CLOSED' && (rate === null || rate >= 0.5);
  }
}

function push<T>(list: T[], value: T): void {
  list.push(value);
  if (list.length > SAMPLE) list.shift();
}

export class HealthRegistry {
  private readonly models = new Map<string, ModelHealth>();

  constructor(
    private readonly breaker: BreakerOptions,
    private readonly now: () => number,
  ) {}

  get(id: string): ModelHealth {
    let health = this.models.get(id);
    if (!health) {
      health = new ModelHealth(this.breaker, this.now);
      this.models.set(id, health);
    }
    return health;
  }
}
