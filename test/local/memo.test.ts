import { describe, expect, it } from 'vitest';
import { memo } from '../../src/local/text.js';

describe('memo', () => {
  it('remembers, but holds no more key characters than its bound', () => {
    let calls = 0;
    const length = memo((s: string) => {
      calls++;
      return s.length;
    }, 100, 1_000);
    expect(length('a'.repeat(200))).toBe(200);
    expect(length('a'.repeat(200))).toBe(200);
    expect(calls).toBe(1);
    // 200 + 5 × 200 passes 1,000 characters: the cache starts over, so the first key is computed again.
    for (let i = 1; i <= 5; i++) length(String(i).repeat(200));
    length('a'.repeat(200));
    expect(calls).toBe(7);
    // A key over a quarter of the bound is never held.
    length('b'.repeat(300));
    length('b'.repeat(300));
    expect(calls).toBe(9);
  });
});
