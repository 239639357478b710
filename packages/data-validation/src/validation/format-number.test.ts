import { describe, expect, it } from 'vitest';
import { compareCodePoints } from './code-point-order.js';
import { fixed6, sixDigits } from './format-number.js';

describe('sixDigits (printf %g, as absl::SixDigits)', () => {
  it.each([
    [0.06046511627906975, '0.0604651'],
    [344, '344'],
    [7000.25, '7000.25'],
    [-0.5, '-0.5'],
    [1_000_000, '1e+06'],
    [123456789, '1.23457e+08'],
    [0.000015, '1.5e-05'],
    [0.0001, '0.0001'],
    [0, '0'],
    [Number.POSITIVE_INFINITY, 'inf'],
    [Number.NaN, 'nan'],
  ])('%d → %s', (x, text) => {
    expect(sixDigits(x)).toBe(text);
  });

  it('fixed6 is %f', () => {
    expect(fixed6(0.9)).toBe('0.900000');
  });
});

describe('compareCodePoints', () => {
  it('orders as UTF-8 bytes do, unlike UTF-16 comparison', () => {
    const astral = '\u{1F600}';
    const highBmp = '\uFF21';
    expect(astral < highBmp).toBe(true);
    expect(compareCodePoints(astral, highBmp)).toBeGreaterThan(0);
    expect(['b', 'a', 'ab', ''].sort(compareCodePoints)).toEqual(['', 'a', 'ab', 'b']);
  });
});
