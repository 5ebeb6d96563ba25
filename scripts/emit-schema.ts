/** Writes the schema's SDL to schema.graphql (the committed contract file; a test fails when it is stale). */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { printSchemaSdl } from './schema-sdl.js';

const target = fileURLToPath(new URL('../schema.graphql', import.meta.url));
writeFileSync(target, await printSchemaSdl());
console.log(`wrote ${target}`);
