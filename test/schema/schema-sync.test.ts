import { existsSync, readFileSync } from 'node:fs';
import { buildSchema, Kind, parse, print, validate, type DefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { printSchemaSdl } from '../../scripts/schema-sdl.js';

const committed = readFileSync(new URL('../../schema.graphql', import.meta.url), 'utf8');

describe('schema.graphql', () => {
  it('is what the code builds (run `npm run emit-schema` after changing src/schema)', async () => {
    expect(committed).toBe(await printSchemaSdl());
  });

  it('validates every client document the project has taken on from the contract, unchanged', () => {
    const schema = buildSchema(committed);
    const documents = parse(readFileSync(new URL('../../operations/contract.graphql', import.meta.url), 'utf8'));
    expect(documents.definitions.length).toBeGreaterThanOrEqual(5);
    for (const definition of documents.definitions) {
      const errors = validate(schema, { kind: Kind.DOCUMENT, definitions: [definition] });
      expect(errors.map((e) => e.message)).toEqual([]);
    }
  });

  const shared = new URL('../../../shared/contract/operations.graphql', import.meta.url);
  it.skipIf(!existsSync(shared))('holds every contract operation exactly as the contract writes it', () => {
    const byName = (text: string) =>
      new Map(parse(text).definitions.map((d: DefinitionNode) => [(d as { name?: { value: string } }).name?.value, print(d)]));
    const ours = byName(readFileSync(new URL('../../operations/contract.graphql', import.meta.url), 'utf8'));
    const theirs = byName(readFileSync(shared, 'utf8'));
    expect([...ours.keys()].sort()).toEqual([...theirs.keys()].sort());
    for (const [name, operation] of theirs) expect(ours.get(name), name).toBe(operation);
  });
});
