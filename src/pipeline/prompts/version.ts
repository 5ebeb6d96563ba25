/**
 * A prompt's cache identity: its version, with a digest of its system prompt and of the JSON Schema
 * of its answer, so a change of wording or of a field's description never serves a stale answer.
 */
import { createHash } from 'node:crypto';
import { z } from 'zod';

export function versioned(version: string, system: string, schema: z.ZodType): string {
  const digest = createHash('sha256')
    .update(system)
    .update('\n')
    .update(JSON.stringify(z.toJSONSchema(schema, { target: 'draft-7', io: 'output' })))
    .digest('hex')
    .slice(0, 16);
  return `${version}:${digest}`;
}

/** The sentence every writing prompt ends its rules with. */
export const ONE_JSON_OBJECT = 'Answer with exactly one JSON object that matches the schema you were given: no prose, no code fences, nothing before or after it.';
