import { readFileSync } from 'node:fs';
import { buildSchema, Kind, parse, validate } from 'graphql';
import { describe, expect, it } from 'vitest';
import { printSchemaSdl } from '../../scripts/schema-sdl.js';

const committed = readFileSync(new URL('../../schema.graphql', import.meta.url), 'utf8');

describe('schema.graphql', () => {
  it('is what the code builds (run `npm run emit-schema` after changing src/schema)', async () => {
    expect(committed).toBe(await printSchemaSdl());
  });

  it('validates every client document the project has taken on from the contract, unchanged', () => {
    const schema = buildSchema(committed);
    const documents = parse(readFileSync(new URL('../operations/contract.graphql', import.meta.url), 'utf8'));
    expect(documents.definitions.length).toBeGreaterThanOrEqual(5);
    for (const definition of documents.definitions) {
      const errors = validate(schema, { kind: Kind.DOCUMENT, definitions: [definition] });
      expect(errors.map((e) => e.message)).toEqual([]);
    }
  });
});
