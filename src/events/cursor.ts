/** Cursors are Redis stream ids (`<ms>-<seq>`): opaque to clients, strictly increasing per enhancement. */
const CURSOR = /^(\d{1,16})-(\d{1,16})$/;

export function isCursor(value: string): boolean {
  return CURSOR.test(value);
}

export function compareCursors(a: string, b: string): number {
  const [, aMs, aSeq] = CURSOR.exec(a)!;
  const [, bMs, bSeq] = CURSOR.exec(b)!;
  const byMs = Number(aMs) - Number(bMs);
  return byMs !== 0 ? Math.sign(byMs) : Math.sign(Number(aSeq) - Number(bSeq));
}
