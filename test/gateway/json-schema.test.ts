import { describe, expect, it } from 'vitest';
import { toGeminiSchema, toOpenAISchema } from '../../src/gateway/json-schema.js';
import * as outputs from '../../src/domain/outputs.js';
import { z } from 'zod';

const SCHEMAS = {
  analysis: outputs.ResumeProfile,
  analysis_gap: outputs.JobFit,
  research: outputs.Dossier,
  draft: outputs.CreativeDraft,
  star: outputs.StarDraft,
  polish: outputs.PolishedResume,
  suggest: outputs.Suggestions,
};

function walk(node: any, visit: (node: any) => void): void {
  if (!node || typeof node !== 'object') return;
  visit(node);
  for (const child of Object.values(node.properties ?? {})) walk(child, visit);
  if (node.items) walk(node.items, visit);
  for (const option of node.anyOf ?? []) walk(option, visit);
}

describe('JSON Schema on the wire', () => {
  for (const [name, schema] of Object.entries(SCHEMAS)) {
    it(`${name}: OpenAI strict (every property required, no extra properties) and Gemini's subset`, () => {
      const strict = toOpenAISchema(schema);
      expect(strict.$schema).toBeUndefined();
      walk(strict, (node) => {
        if (node.type === 'object') {
          expect(node.additionalProperties).toBe(false);
          expect([...node.required].sort()).toEqual(Object.keys(node.properties).sort());
        }
      });
      const gemini = toGeminiSchema(schema);
      walk(gemini, (node) => {
        expect(typeof node.type).toBe('string');
        for (const key of Object.keys(node)) {
          expect(['type', 'format', 'nullable', 'enum', 'properties', 'required', 'items', 'description', 'minItems', 'maxItems']).toContain(key);
        }
      });
      expect(toOpenAISchema(schema)).toBe(strict); // computed once
    });
  }

  it('maps nullable and enums the way Gemini expects', () => {
    const g = toGeminiSchema(z.object({ a: z.string().nullable(), b: z.enum(['X', 'Y']), c: z.array(z.number().nullable()) }));
    expect(g).toEqual({
      type: 'object',
      properties: {
        a: { type: 'string', nullable: true },
        b: { type: 'string', enum: ['X', 'Y'], format: 'enum' },
        c: { type: 'array', items: { type: 'number', nullable: true } },
      },
      required: ['a', 'b', 'c'],
    });
  });
});
