import { describe, expect, it } from 'vitest';
import { cholesky, fitGaussianProcess, matern52 } from './gaussian-process.js';

describe('Gaussian process', () => {
  it('Matern 5/2 is 1 at distance 0 and (1 + √5 + 5/3)·e^−√5 at one length scale', () => {
    expect(matern52([0.2, 0.4], [0.2, 0.4], 0.5)).toBe(1);
    expect(matern52([0], [0.5], 0.5)).toBeCloseTo((1 + Math.sqrt(5) + 5 / 3) * Math.exp(-Math.sqrt(5)), 12);
  });

  it('Cholesky factors a positive-definite matrix and refuses an indefinite one', () => {
    const l = cholesky(Float64Array.from([4, 2, 2, 3]), 2)!;
    expect(Array.from(l)).toEqual([2, 0, 1, Math.sqrt(2)]);
    expect(cholesky(Float64Array.from([1, 2, 2, 1]), 2)).toBeNull();
  });

  it('interpolates its points, is uncertain far from them and picks a sensible length scale', () => {
    const xs = [[0], [0.25], [0.5], [0.75], [1]];
    const ys = xs.map(([x]) => Math.sin(6 * x!));
    const gp = fitGaussianProcess(xs, ys, 1e-4);
    for (let i = 0; i < xs.length; i++) {
      const { mean, std } = gp.predict(xs[i]!);
      expect(mean).toBeCloseTo(ys[i]!, 2);
      expect(std).toBeLessThan(0.05);
    }
    expect(Math.abs(gp.predict([0.375]).mean - Math.sin(6 * 0.375))).toBeLessThan(0.15);
    expect(gp.predict([0.375]).std).toBeGreaterThan(gp.predict([0.5]).std);
    expect(gp.lengthScale).toBeGreaterThan(0.1);
    expect(gp.lengthScale).toBeLessThan(2);
  });

  it('survives repeated points (discrete hyperparameters map to the same coordinates)', () => {
    const gp = fitGaussianProcess([[0.5], [0.5], [0.5]], [1, 1.1, 0.9], 1e-4);
    expect(gp.predict([0.5]).mean).toBeCloseTo(1, 1);
  });
});
