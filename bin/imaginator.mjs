#!/usr/bin/env node
// The `imaginator` CLI (src/cli/): runs its TypeScript through tsx, so it works from a clone
// with `npx imaginator …` and needs no build step.
import { register } from 'tsx/esm/api';

register();
const { runProcess } = await import('../src/cli/main.ts');
await runProcess();
