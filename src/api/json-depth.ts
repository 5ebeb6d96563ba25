/**
 * How deep a JSON text nests, read byte by byte without parsing it: `JSON.parse` of a body nested
 * 200,000 levels deep overflows the stack (a 500 and a stack trace); this answers in one pass.
 */
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;

/** True when `json` opens more than `max` objects or arrays inside one another. */
export function nestsDeeperThan(json: Uint8Array, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const byte = json[i]!;
    if (inString) {
      if (byte === BACKSLASH) i++;
      else if (byte === QUOTE) inString = false;
    } else if (byte === QUOTE) inString = true;
    else if (byte === OPEN_BRACE || byte === OPEN_BRACKET) {
      if (++depth > max) return true;
    } else if (byte === CLOSE_BRACE || byte === CLOSE_BRACKET) depth--;
  }
  return false;
}

/** A client's request that cannot be served as sent (HTTP 4xx), with a message safe to show it. */
export class BadRequestError extends Error {
  override name = 'BadRequestError';
  readonly status = 400;
  readonly expose = true;
  readonly type = 'entity.too.deep';
}
