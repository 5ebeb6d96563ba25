import { existsSync, readFileSync } from 'node:fs';
import { buildSchema, Kind, parse, print, validate, type DefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import { printSchemaSdl } from '../../scripts/schema-sdl.js';

const committed = readFileSync(new URL('../../schema.graphql', import.meta.url), 'utf8');
const oursText = readFileSync(new URL('../../operations/contract.graphql', import.meta.url), 'utf8');

/**
 * Contract operations the project has not taken on yet, each with the issue that takes it on
 * (new in the contract, or changed by it). When an issue lands, its operations are copied into
 * operations/contract.graphql exactly as the contract writes them and leave this list.
 */
const PENDING: Record<string, number> = {
};

const byName = (text: string) =>
  new Map(parse(text).definitions.map((d: DefinitionNode) => [(d as { name?: { value: string } }).name?.value ?? '', print(d)]));

describe('schema.graphql', () => {
  it('is what the code builds (run `npm run emit-schema` after changing src/schema)', async () => {
    expect(committed).toBe(await printSchemaSdl());
  });

  it('validates every client document the project has taken on from the contract, unchanged', () => {
    const schema = buildSchema(committed);
    const documents = parse(oursText);
    expect(documents.definitions.length).toBeGreaterThanOrEqual(5);
    for (const definition of documents.definitions) {
      const errors = validate(schema, { kind: Kind.DOCUMENT, definitions: [definition] });
      expect(errors.map((e) => e.message)).toEqual([]);
    }
  });

  const shared = new URL('../../../shared/contract/operations.graphql', import.meta.url);
  describe.skipIf(!existsSync(shared))('against the contract (../shared/contract/operations.graphql)', () => {
    const ours = byName(oursText);
    const theirs = existsSync(shared) ? byName(readFileSync(shared, 'utf8')) : new Map<string, string>();

    it('holds every operation taken on exactly as the contract writes it, and nothing the contract lacks', () => {
      for (const name of ours.keys()) expect(theirs.has(name), `${name} is not in the contract`).toBe(true);
      for (const [name, operation] of theirs) {
        if (name in PENDING) continue;
        expect(ours.get(name), `${name}: copy it from the contract, or list it as pending with its issue`).toBe(operation);
      }
    });

    it('lists as pending only operations still pending', () => {
      const done = Object.keys(PENDING).filter((name) => !theirs.has(name) || ours.get(name) === theirs.get(name));
      expect(done, 'taken on (or gone from the contract): remove from PENDING').toEqual([]);
    });

    for (const [name, issue] of Object.entries(PENDING)) {
      it.todo(`${name}: pending, issue ${issue} (${ours.has(name) ? 'changed by the contract' : 'new in the contract'})`);
    }
  });
});
