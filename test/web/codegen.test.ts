/** The typed documents of the tests, the web page and the CLI match schema.graphql and operations/contract.graphql. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate } from '@graphql-codegen/cli';
import { expect, it } from 'vitest';
import testConfig from '../../codegen.js';
import config from '../../web/codegen.js';

const ROOT = new URL('../..', import.meta.url).pathname;

it('src/client/graphql is up to date (npm run codegen:web)', async () => {
  const outputs = (await generate({ ...config, cwd: ROOT, silent: true }, false)) as Array<{ filename: string; content: string }>;
  expect(outputs.length).toBe(3);
  for (const { filename, content } of outputs) {
    expect(readFileSync(join(ROOT, filename), 'utf8'), `${filename} is stale: run npm run codegen:web`).toBe(content);
  }
}, 30_000);

it('test/generated is up to date (npm run codegen)', async () => {
  const outputs = (await generate({ ...testConfig, cwd: ROOT, silent: true }, false)) as Array<{ filename: string; content: string }>;
  expect(outputs.length).toBe(3);
  for (const { filename, content } of outputs) {
    expect(readFileSync(join(ROOT, filename), 'utf8'), `${filename} is stale: run npm run codegen`).toBe(content);
  }
}, 30_000);
