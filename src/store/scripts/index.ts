import { readFileSync } from 'node:fs';

/** A Lua script from this folder (one script per file, as BullMQ keeps them). */
export function luaScript(name: string): string {
  return readFileSync(new URL(`./${name}.lua`, import.meta.url), 'utf8');
}
