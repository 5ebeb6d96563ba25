/**
 * Prometheus metrics (prom-client), one registry per process. No label carries a tenant, a key or
 * any input: metrics are shared by every tenant and must not tell one about another.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export class Metrics {
  readonly registry = new Registry();

  readonly httpDuration = new Histogram({
    name: 'imaginator_http_request_duration_seconds',
    help: 'HTTP request durations',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 30, 120],
    registers: [this.registry],
  });

  readonly graphqlDuration = new Histogram({
    name: 'imaginator_graphql_operation_duration_seconds',
    help: 'GraphQL operation durations by operation name and type',
    labelNames: ['operation', 'type', 'outcome'] as const,
    buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 30, 120],
    registers: [this.registry],
  });

  readonly stageDuration = new Histogram({
    name: 'imaginator_stage_duration_seconds',
    help: 'Stage durations by stage and outcome',
    labelNames: ['stage', 'outcome'] as const,
    buckets: [0.001, 0.01, 0.1, 0.5, 1, 5, 15, 30, 60, 120, 300],
    registers: [this.registry],
  });

  readonly llmCalls = new Counter({
    name: 'imaginator_llm_calls_total',
    help: 'Gateway calls by the provider and model that answered, and how',
    labelNames: ['provider', 'model', 'outcome'] as const,
    registers: [this.registry],
  });

  readonly llmTokens = new Counter({
    name: 'imaginator_llm_tokens_total',
    help: 'Tokens by provider, model and kind (prompt or completion)',
    labelNames: ['provider', 'model', 'kind'] as const,
    registers: [this.registry],
  });

  readonly llmCost = new Counter({
    name: 'imaginator_llm_cost_usd_total',
    help: 'US dollars spent on models',
    labelNames: ['provider', 'model'] as const,
    registers: [this.registry],
  });

  readonly cacheHits = new Counter({
    name: 'imaginator_stage_cache_hits_total',
    help: 'Gateway calls answered by the stage cache',
    labelNames: ['stage'] as const,
    registers: [this.registry],
  });

  readonly cacheMisses = new Counter({
    name: 'imaginator_stage_cache_misses_total',
    help: 'Gateway calls the stage cache could not answer',
    labelNames: ['stage'] as const,
    registers: [this.registry],
  });

  readonly cacheSaved = new Counter({
    name: 'imaginator_stage_cache_saved_usd_total',
    help: 'US dollars the stage cache avoided',
    labelNames: ['stage'] as const,
    registers: [this.registry],
  });

  constructor(options: { defaultMetrics?: boolean } = {}) {
    if (options.defaultMetrics ?? true) collectDefaultMetrics({ register: this.registry, prefix: 'imaginator_' });
    const total = async (counter: Counter) => (await counter.get()).values.reduce((n, v) => n + v.value, 0);
    this.gauge('imaginator_stage_cache_hit_ratio', 'Stage cache hits over lookups since the process started', async () => {
      const [hits, misses] = await Promise.all([total(this.cacheHits), total(this.cacheMisses)]);
      return hits + misses ? hits / (hits + misses) : 0;
    });
  }

  /** A gauge read at scrape time. */
  gauge(name: string, help: string, read: () => number | Promise<number>): void {
    new Gauge({
      name,
      help,
      registers: [this.registry],
      async collect() {
        this.set(await read());
      },
    });
  }

  /** A gauge with one label, every value read at scrape time. */
  labelledGauge(name: string, help: string, label: string, read: () => Promise<Record<string, number>>): void {
    new Gauge({
      name,
      help,
      labelNames: [label],
      registers: [this.registry],
      async collect() {
        for (const [value, amount] of Object.entries(await read())) this.set({ [label]: value }, amount);
      },
    });
  }
}
