/**
 * Calls `emit(i)` for i = 0..count-1 at `rate` per second: on each timer tick it catches up with
 * the schedule (`rate` × elapsed), so the rate holds even when a tick is late.
 */
export async function pace(count: number, rate: number, emit: (i: number) => unknown): Promise<void> {
  const t0 = performance.now();
  let i = 0;
  const pending: unknown[] = [];
  while (i < count) {
    const due = Math.min(count, Math.floor(((performance.now() - t0) / 1000) * rate) + 1);
    while (i < due) pending.push(emit(i++));
    await new Promise((resolve) => setTimeout(resolve, 1));
  }
  await Promise.all(pending);
}
