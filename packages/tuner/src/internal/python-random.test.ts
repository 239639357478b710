import { describe, expect, it } from 'vitest';
import { PythonRandom } from './python-random.js';

// Expected values printed by CPython 3: `random.Random(seed).random()`.
describe('PythonRandom', () => {
  it('matches CPython for small, 32-bit and multi-word seeds', () => {
    const seeds = [0, 1, 5, 42, 2 ** 32, 2 ** 40 + 3];
    expect(seeds.map((s) => new PythonRandom(s).random())).toEqual([
      0.8444218515250481, 0.13436424411240122, 0.6229016948897019, 0.6394267984578837, 0.11299430095636409,
      0.21978710637116716,
    ]);
  });

  it('matches CPython across a state regeneration (more than 624 words drawn)', () => {
    const r = new PythonRandom(7);
    const draws = Array.from({ length: 700 }, () => r.random());
    expect(draws.slice(-3)).toEqual([0.9251608280108722, 0.2267860732446868, 0.034097423373332436]);
  });
});
