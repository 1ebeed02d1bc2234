import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PairSet } from './duplicates.service.ts';

describe('PairSet', () => {
  it('answers like a Set of pairs, also after growing far past its first size', () => {
    const set = new PairSet();
    const ref = new Set<string>();
    let state = 12345;
    const next = (n: number) => {
      state = (Math.imul(state, 1103515245) + 12345) >>> 0;
      return state % n;
    };
    // 200,000 adds over pairs of 0..999: many repeats, and about 60,000 distinct pairs, so the set
    // (65,536 slots, grown at half full) grows twice.
    let wrong = 0;
    for (let k = 0; k < 200_000; k++) {
      const a = next(1000);
      const b = next(1000);
      const i = Math.min(a, b);
      const j = Math.max(a, b);
      const key = `${i}|${j}`;
      if (set.add(i, j) !== !ref.has(key)) wrong++;
      ref.add(key);
    }
    expect(wrong).toBe(0);
    expect(ref.size).toBeGreaterThan(40_000);
    for (const key of [...ref].slice(0, 5_000)) {
      const [i, j] = key.split('|').map(Number) as [number, number];
      expect(set.add(i, j)).toBe(false);
    }
  });

  it('tells (i, j) from every other pair, for large indexes too', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.tuple(fc.nat(5_000_000), fc.nat(5_000_000)), { selector: ([i, j]) => `${i}|${j}` }),
        (pairs) => {
          const set = new PairSet();
          for (const [i, j] of pairs) expect(set.add(i, j)).toBe(true);
          for (const [i, j] of pairs) expect(set.add(i, j)).toBe(false);
        },
      ),
      { numRuns: 200 },
    );
  });
});
