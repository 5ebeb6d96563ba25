/**
 * zod → the JSON Schema each provider accepts, computed once per schema object.
 * OpenAI strict mode: draft-07 objects with every property required and
 * `additionalProperties: false` (zod's output already is). Gemini `responseSchema`: the OpenAPI
 * subset (type, nullable, enum, properties, required, items), no unions, no `$schema`.
 */
import { z } from 'zod';

type Json = Record<string, unknown>;

const openAICache = new WeakMap<z.ZodType, Json>();
const geminiCache = new WeakMap<z.ZodType, Json>();

export function toOpenAISchema(schema: z.ZodType): Json {
  let cached = openAICache.get(schema);
  if (!cached) {
    const { $schema: _ignored, ...rest } = z.toJSONSchema(schema, { target: 'draft-7', io: 'output' }) as Json;
    cached = rest;
    openAICache.set(schema, cached);
  }
  return cached;
}

export function toGeminiSchema(schema: z.ZodType): Json {
  let cached = geminiCache.get(schema);
  if (!cached) {
    cached = toGemini(toOpenAISchema(schema));
    geminiCache.set(schema, cached);
  }
  return cached;
}

const GEMINI_KEYS = new Set(['type', 'format', 'description', 'nullable', 'enum', 'properties', 'required', 'items', 'minItems', 'maxItems']);

function toGemini(node: Json): Json {
  const out: Json = {};
  let type = node.type;
  // `["string","null"]` → `string` + `nullable`; `anyOf: [X, {type:null}]` likewise.
  if (Array.isArray(type)) {
    const kinds = type.filter((t) => t !== 'null');
    if (kinds.length !== type.length) out.nullable = true;
    type = kinds[0];
  }
  const union = (node.anyOf ?? node.oneOf) as Json[] | undefined;
  if (Array.isArray(union)) {
    const kinds = union.filter((option) => option.type !== 'null');
    const inner = toGemini(kinds[0] ?? {});
    // a nullable field's description sits on the union: keep it (it is what the model reads)
    if (typeof node.description === 'string' && inner.description === undefined) inner.description = node.description;
    return kinds.length !== union.length ? { ...inner, nullable: true } : inner;
  }
  if (node.const !== undefined) {
    out.type = 'string';
    out.enum = [String(node.const)];
    out.format = 'enum';
    return out;
  }
  if (typeof type === 'string') out.type = type;
  for (const [key, value] of Object.entries(node)) {
    if (!GEMINI_KEYS.has(key) || key === 'type') continue;
    if (key === 'properties') {
      out.properties = Object.fromEntries(Object.entries(value as Record<string, Json>).map(([k, v]) => [k, toGemini(v)]));
    } else if (key === 'items') {
      out.items = toGemini(value as Json);
    } else {
      out[key] = value;
    }
  }
  if (Array.isArray(out.enum) && out.type === 'string') out.format = 'enum';
  return out;
}
