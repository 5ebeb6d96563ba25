/**
 * The structured-output ladder. Every model is first asked for strict `json_schema`; a server
 * that refuses a format (HTTP 400 naming it) or ignores it is asked one step down next time:
 *
 *   JSON_SCHEMA_STRICT → JSON_SCHEMA (strict: false) → JSON_OBJECT + schema in the prompt → PROMPT_ONLY
 *
 * The step reached is remembered per model in Redis, so every process asks the same way, with an
 * expiry so that a model (or server) that gains support is tried with the better format again.
 * The process keeps what it last read, for the `models` query.
 */
import type { Redis } from 'ioredis';

export const OUTPUT_MODES = ['JSON_SCHEMA_STRICT', 'JSON_SCHEMA', 'JSON_OBJECT', 'PROMPT_ONLY'] as const;
export type OutputMode = (typeof OUTPUT_MODES)[number];

export const TOP_MODE: OutputMode = 'JSON_SCHEMA_STRICT';

/** The next step down, or null at the bottom. */
export function below(mode: OutputMode): OutputMode | null {
  return OUTPUT_MODES[OUTPUT_MODES.indexOf(mode) + 1] ?? null;
}

/** Whether the schema goes in the prompt (the wire format does not carry it). */
export function schemaInPrompt(mode: OutputMode): boolean {
  return mode === 'JSON_OBJECT' || mode === 'PROMPT_ONLY';
}

function isMode(value: unknown): value is OutputMode {
  return typeof value === 'string' && (OUTPUT_MODES as readonly string[]).includes(value);
}

export interface OutputModeOptions {
  /** Shared by every process; without it steps are remembered in this process only. */
  redis?: Redis;
  /** Keys are `PREFIX:outputmode:MODEL_ID`. */
  prefix: string;
  ttlSeconds: number;
}

export class OutputModes {
  private readonly known = new Map<string, OutputMode>();

  constructor(private readonly options: OutputModeOptions) {}

  private key(modelId: string): string {
    return `${this.options.prefix}:outputmode:${modelId}`;
  }

  /** How the model is asked now, as this process last knew it (the `models` query). */
  peek(modelId: string): OutputMode {
    return this.known.get(modelId) ?? TOP_MODE;
  }

  /** How to ask the model now: Redis's word when it answers, else what this process knows. */
  async get(modelId: string): Promise<OutputMode> {
    const { redis } = this.options;
    if (redis) {
      const stored = await redis.get(this.key(modelId)).catch(() => undefined);
      if (stored !== undefined) {
        if (isMode(stored)) this.known.set(modelId, stored);
        else this.known.delete(modelId); // expired: the top of the ladder again
      }
    }
    return this.peek(modelId);
  }

  /**
   * Remembers that `mode` did not work for the model and returns the mode to ask with next, or
   * null when `mode` was the bottom. Never moves a model up: another process may have stepped
   * it lower meanwhile.
   */
  async stepDown(modelId: string, mode: OutputMode): Promise<OutputMode | null> {
    const next = below(mode);
    if (!next) return null;
    const current = await this.get(modelId);
    const lower = OUTPUT_MODES.indexOf(current) > OUTPUT_MODES.indexOf(next) ? current : next;
    this.known.set(modelId, lower);
    await this.options.redis?.set(this.key(modelId), lower, 'EX', this.options.ttlSeconds).catch(() => undefined);
    return lower;
  }

  /** Reads every given model's step from Redis (before the `models` query answers). */
  async sync(modelIds: string[]): Promise<void> {
    await Promise.all(modelIds.map((id) => this.get(id)));
  }
}
