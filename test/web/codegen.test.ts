/** The typed documents of the web page, the CLI and the tests match schema.graphql and operations/contract.graphql. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { generate } from '@graphql-codegen/cli';
import { expect, it } from 'vitest';
import config from '../../codegen.js';

const ROOT = new URL('../..', import.meta.url).pathname;

it('src/client/graphql is up to date (npm run codegen)', async () => {
  const outputs = (await generate({ ...config, cwd: ROOT, silent: true }, false)) as Array<{ filename: string; content: string }>;
  expect(outputs.length).toBe(3);
  for (const { filename, content } of outputs) {
    expect(readFileSync(join(ROOT, filename), 'utf8'), `${filename} is stale: run npm run codegen`).toBe(content);
  }
}, 30_000);

