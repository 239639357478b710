import { describe, expect, it } from 'vitest';
import { seededRandom } from '../../test/random-batch.js';
import { floatSortKeys, radixSortPairs } from './radix-sort.js';

describe('radixSortPairs', () => {
  it('sorts 32-bit keys like a numeric sort and carries the payload along (stable)', () => {
    const random = seededRandom(9);
    const n = 5000;
    const keys = Uint32Array.from(
      { length: n },
      () => Math.floor(random() * 2 ** 32) & (random() < 0.5 ? 0xff : ~0),
    );
    const expected = Array.from(keys, (key, i) => ({ key, i })).sort((a, b) => a.key - b.key || a.i - b.i);
    const sorted = radixSortPairs(
      Uint32Array.from(keys),
      Uint32Array.from({ length: n }, (_, i) => i),
    );
    expect(Array.from(sorted.keys)).toEqual(expected.map((e) => e.key));
    expect(Array.from(sorted.values)).toEqual(expected.map((e) => e.i));
  });

  it('orders float keys numerically, negatives and zeros included', () => {
    const values = [0.5, -1.5, 0, -0.25, 3e-39, 1, -3e38, 0.1];
    const keys = floatSortKeys(Float32Array.from(values));
    const order = radixSortPairs(keys, Uint32Array.from(values.keys())).values;
    expect(Array.from(order, (i) => values[i])).toEqual([-3e38, -1.5, -0.25, 0, 3e-39, 0.1, 0.5, 1]);
  });
});
