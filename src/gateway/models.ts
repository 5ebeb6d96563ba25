/**
 * The one price and context table. Prices are US dollars per million tokens as listed by the
 * providers (OpenRouter passes them through); `:online` variants add OpenRouter's web-search
 * charge per request. When OpenRouter reports `usage.cost`, that figure wins over this table.
 */
export interface ModelSpec {
  inputPerMTok: number;
  outputPerMTok: number;
  contextTokens: number;
  /** Tokens kept free for the reply when checking whether a prompt fits. */
  maxOutputTokens: number;
  /** Reasoning models that only accept the default temperature. */
  fixedTemperature?: boolean;
  /** Takes a reasoning effort (OpenAI `reasoning_effort`, OpenRouter `reasoning`, Gemini thinking budget). */
  reasoning?: boolean;
}

/** Keyed by the model's own name, without vendor prefix or `:variant` (one row serves every route to it). */
export const MODEL_TABLE: Readonly<Record<string, ModelSpec>> = {
  'deepseek-v3.2': { inputPerMTok: 0.28, outputPerMTok: 0.42, contextTokens: 163_840, maxOutputTokens: 8_192 },
  'gpt-5-mini': { inputPerMTok: 0.25, outputPerMTok: 2.0, contextTokens: 400_000, maxOutputTokens: 16_384, fixedTemperature: true, reasoning: true },
  'gpt-5-nano': { inputPerMTok: 0.05, outputPerMTok: 0.4, contextTokens: 400_000, maxOutputTokens: 16_384, fixedTemperature: true, reasoning: true },
  'gpt-4.1-mini': { inputPerMTok: 0.4, outputPerMTok: 1.6, contextTokens: 1_047_576, maxOutputTokens: 16_384 },
  'gpt-4o-mini': { inputPerMTok: 0.15, outputPerMTok: 0.6, contextTokens: 128_000, maxOutputTokens: 16_384 },
  'gemini-2.5-flash': { inputPerMTok: 0.3, outputPerMTok: 2.5, contextTokens: 1_048_576, maxOutputTokens: 16_384, reasoning: true },
  'gemini-2.5-flash-lite': { inputPerMTok: 0.1, outputPerMTok: 0.4, contextTokens: 1_048_576, maxOutputTokens: 16_384 },
  'gemini-2.5-pro': { inputPerMTok: 1.25, outputPerMTok: 10, contextTokens: 1_048_576, maxOutputTokens: 16_384, reasoning: true },
  'claude-haiku-4.5': { inputPerMTok: 1, outputPerMTok: 5, contextTokens: 200_000, maxOutputTokens: 16_384 },
};

/** OpenRouter's web plugin: $4 per 1000 results, 5 results per request by default. */
export const ONLINE_SURCHARGE_USD = 0.02;

/** Assumed for a model missing from the table: fits most prompts, price unknown (null). */
export const UNKNOWN_CONTEXT_TOKENS = 128_000;

/** `deepseek/deepseek-v3.2:online` → `deepseek-v3.2`. */
export function tableKey(model: string): string {
  const last = model.slice(model.lastIndexOf('/') + 1);
  const colon = last.indexOf(':');
  return colon >= 0 ? last.slice(0, colon) : last;
}

export function isOnline(model: string): boolean {
  return model.endsWith(':online');
}

export interface ResolvedSpec {
  inputPerMTok: number | null;
  outputPerMTok: number | null;
  contextTokens: number;
  maxOutputTokens: number;
  fixedTemperature: boolean;
  reasoning: boolean;
  perRequestUsd: number;
}

export function specFor(model: string, table: Readonly<Record<string, ModelSpec>> = MODEL_TABLE): ResolvedSpec {
  const row = table[tableKey(model)];
  return {
    inputPerMTok: row?.inputPerMTok ?? null,
    outputPerMTok: row?.outputPerMTok ?? null,
    contextTokens: row?.contextTokens ?? UNKNOWN_CONTEXT_TOKENS,
    maxOutputTokens: row?.maxOutputTokens ?? 8_192,
    fixedTemperature: row?.fixedTemperature ?? false,
    reasoning: row?.reasoning ?? false,
    perRequestUsd: isOnline(model) ? ONLINE_SURCHARGE_USD : 0,
  };
}

/** Dollars for one call: the provider's own figure when it sent one, else tokens × table prices. */
export function costOf(
  spec: ResolvedSpec,
  usage: { promptTokens: number; completionTokens: number; costUsd?: number },
): number {
  if (usage.costUsd !== undefined && Number.isFinite(usage.costUsd)) return usage.costUsd;
  const input = spec.inputPerMTok ?? 0;
  const output = spec.outputPerMTok ?? 0;
  return (usage.promptTokens * input + usage.completionTokens * output) / 1_000_000 + spec.perRequestUsd;
}

/** A deliberately generous estimate (≈3.5 characters per token) so a prompt near the limit is not sent. */
export function estimateTokens(...texts: string[]): number {
  let chars = 0;
  for (const text of texts) chars += text.length;
  return Math.ceil(chars / 3.5) + 16;
}

export function fits(promptTokens: number, spec: ResolvedSpec): boolean {
  return promptTokens + spec.maxOutputTokens <= spec.contextTokens;
}
