import { describe, expect, it } from 'vitest';
import { logBase, pyFloorDiv } from './python-math.js';

describe('pyFloorDiv', () => {
  it('matches CPython float // (values printed by python3)', () => {
    const cases: [number, number, number][] = [
      [1.0, 0.1, 9],
      [0.9, 0.1, 8],
      [1.0, 0.2, 4],
      [0.3, 0.1, 2],
      [2.5, 0.5, 5],
      [10, 3, 3],
      [0.7, 0.1, 6],
      [1e-3, 1e-4, 9],
      [0.09, 0.01, 8],
      [-1.0, 0.3, -4],
    ];
    expect(cases.map(([a, b]) => pyFloorDiv(a, b))).toEqual(cases.map(([, , q]) => q));
  });
});

describe('logBase', () => {
  it('is exact for integer powers, where Math.log ratios overshoot', () => {
    expect(Math.log(9) / Math.log(3)).toBeGreaterThan(2);
    expect([logBase(9, 3), logBase(27, 3), logBase(81, 3), logBase(1000, 10), logBase(1, 3)]).toEqual([
      2, 3, 4, 3, 0,
    ]);
  });

  it('falls back to the ratio elsewhere', () => {
    expect(logBase(100, 3)).toBeCloseTo(4.19180654857877, 12);
    expect(logBase(0.5, 2)).toBeCloseTo(-1, 12);
  });
});
