/**
 * Model chains per stage from `IMAGINATOR_MODEL_*`, as the contract says: comma-separated ids,
 * first primary, the rest fallbacks in order. An id is `provider/model` with provider
 * `openrouter`, `openai`, `gemini`, `local` or a named endpoint (`IMAGINATOR_ENDPOINT_<NAME>`);
 * any other id is an OpenRouter slug.
 */
import type { Config } from '../config.js';
import { STAGES, type Stage } from '../domain/graph.js';

export const PROVIDERS = ['openrouter', 'openai', 'gemini', 'local'] as const;
export type BuiltinProvider = (typeof PROVIDERS)[number];
/** A built-in provider, or the lower-case name of a named endpoint (`ollama`). */
export type ProviderName = BuiltinProvider | (string & {});

export interface ModelRef {
  /** Canonical id, always `provider/model` (`openrouter/deepseek/deepseek-v3.2:online`, `local`). */
  id: string;
  provider: ProviderName;
  /** The model name on the provider's wire. */
  model: string;
}

export const LOCAL: ModelRef = Object.freeze({ id: 'local', provider: 'local', model: 'local' });

/**
 * Defaults follow the funnel's cost strategy: a web-grounded `:online` model researches, a cheap
 * creative model drafts, a small precise model formats STAR bullets, a fast analytical model
 * analyses and polishes. OpenRouter routes first; direct Gemini / OpenAI ids only take part when
 * their key is set; with no key at all every stage runs on `local`.
 */
export const DEFAULT_CHAINS: Readonly<Record<Stage, string>> = {
  ANALYSIS: 'google/gemini-2.5-flash,openrouter/openai/gpt-5-mini,gemini/gemini-2.5-flash,openai/gpt-5-mini',
  RESEARCH: 'deepseek/deepseek-v3.2:online,openrouter/openai/gpt-5-mini:online,gemini/gemini-2.5-flash,openai/gpt-5-mini',
  DRAFT: 'deepseek/deepseek-v3.2,google/gemini-2.5-flash-lite,gemini/gemini-2.5-flash-lite,openai/gpt-5-mini',
  STAR: 'openrouter/openai/gpt-5-nano,google/gemini-2.5-flash-lite,gemini/gemini-2.5-flash-lite,openai/gpt-5-nano',
  POLISH: 'google/gemini-2.5-flash,anthropic/claude-haiku-4.5,gemini/gemini-2.5-flash,openai/gpt-5-mini',
  SUGGEST: 'deepseek/deepseek-v3.2,google/gemini-2.5-flash,gemini/gemini-2.5-flash,openai/gpt-5-mini',
  CRITIQUE: 'openrouter/openai/gpt-5-mini,google/gemini-2.5-flash,gemini/gemini-2.5-flash,openai/gpt-5-mini',
  COVER_LETTER: 'google/gemini-2.5-flash,anthropic/claude-haiku-4.5,gemini/gemini-2.5-flash,openai/gpt-5-mini',
};

export class ModelIdError extends Error {
  override name = 'ModelIdError';
}

/** `endpoints`: the names of the configured named endpoints, whose prefix names them as provider. */
export function parseModelId(raw: string, endpoints: ReadonlySet<string> = NO_ENDPOINTS): ModelRef {
  const id = raw.trim();
  if (!id) throw new ModelIdError('empty model id');
  if (id === 'local' || id.startsWith('local/')) return LOCAL;
  const slash = id.indexOf('/');
  const prefix = slash > 0 ? id.slice(0, slash) : '';
  if (prefix === 'openrouter' || prefix === 'openai' || prefix === 'gemini' || endpoints.has(prefix)) {
    const model = id.slice(slash + 1).trim();
    if (!model) throw new ModelIdError(`model id "${id}" names no model`);
    return { id: `${prefix}/${model}`, provider: prefix, model };
  }
  return { id: `openrouter/${id}`, provider: 'openrouter', model: id };
}

const NO_ENDPOINTS: ReadonlySet<string> = new Set();

export function parseChain(raw: string, endpoints: ReadonlySet<string> = NO_ENDPOINTS): ModelRef[] {
  const seen = new Set<string>();
  const chain: ModelRef[] = [];
  for (const part of raw.split(',')) {
    if (!part.trim()) continue;
    const ref = parseModelId(part, endpoints);
    if (seen.has(ref.id)) continue;
    seen.add(ref.id);
    chain.push(ref);
  }
  return chain;
}

export function hasKey(config: Config, provider: ProviderName): boolean {
  switch (provider) {
    case 'local':
      return true;
    case 'openrouter':
      return config.providers.openrouter.keys.length > 0;
    case 'openai':
      return !!config.providers.openai.key || !!config.providers.openai.custom;
    case 'gemini':
      return !!config.providers.gemini.key;
    default:
      // A named endpoint needs no key (Ollama, llama.cpp); an unknown name is never usable.
      return config.endpoints.some((endpoint) => endpoint.name === provider);
  }
}

export interface ResolvedChain {
  /** The models the stage walks, in order: never empty (`[local]` when no configured provider has a key). */
  models: ModelRef[];
  /** Configured models left out because their provider has no key. */
  keyless: ModelRef[];
}

/** The chain each stage will walk: configured (or default) ids whose provider has a key. */
export function resolveChains(config: Config): Record<Stage, ResolvedChain> {
  const chains = {} as Record<Stage, ResolvedChain>;
  for (const stage of STAGES) {
    const raw = config.modelChains[stage] ?? DEFAULT_CHAINS[stage];
    const parsed = parseChain(raw, new Set(config.endpoints.map((e) => e.name)));
    const usable = parsed.filter((ref) => hasKey(config, ref.provider));
    const keyless = parsed.filter((ref) => !hasKey(config, ref.provider));
    chains[stage] = { models: usable.length ? usable : [LOCAL], keyless };
  }
  return chains;
}
