/**
 * A Gaussian-process regressor like the one Keras Tuner's BayesianOptimization builds with scikit-learn:
 * isotropic Matern ν=2.5 kernel, `alpha` added to the diagonal, targets normalised to zero mean and unit
 * variance. sklearn tunes the length scale with L-BFGS restarts; on ≤ 100 points in [0,1]^d a grid scored
 * by log marginal likelihood finds the same kind of fit with a dozen Cholesky factorisations.
 */

const LENGTH_SCALES = [0.03, 0.05, 0.08, 0.12, 0.18, 0.25, 0.35, 0.5, 0.7, 1, 1.5, 2.5, 4];
const SQRT5 = Math.sqrt(5);

export function matern52(a: readonly number[], b: readonly number[], lengthScale: number): number {
  let sq = 0;
  for (let i = 0; i < a.length; i++) sq += (a[i]! - b[i]!) ** 2;
  const r = (SQRT5 * Math.sqrt(sq)) / lengthScale;
  return (1 + r + (r * r) / 3) * Math.exp(-r);
}

/** Lower-triangular L with L·Lᵀ = A (row-major n×n), or null when A is not positive definite. */
export function cholesky(a: Float64Array, n: number): Float64Array | null {
  const l = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = a[i * n + j]!;
      for (let k = 0; k < j; k++) sum -= l[i * n + k]! * l[j * n + k]!;
      if (i === j) {
        if (!(sum > 0)) return null;
        l[i * n + i] = Math.sqrt(sum);
      } else {
        l[i * n + j] = sum / l[j * n + j]!;
      }
    }
  }
  return l;
}

/** Solves L·x = b (forward substitution). */
function solveLower(l: Float64Array, n: number, b: ArrayLike<number>): Float64Array {
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let sum = b[i]!;
    for (let k = 0; k < i; k++) sum -= l[i * n + k]! * x[k]!;
    x[i] = sum / l[i * n + i]!;
  }
  return x;
}

/** Solves Lᵀ·x = b (back substitution). */
function solveUpper(l: Float64Array, n: number, b: ArrayLike<number>): Float64Array {
  const x = new Float64Array(n);
  for (let i = n - 1; i >= 0; i--) {
    let sum = b[i]!;
    for (let k = i + 1; k < n; k++) sum -= l[k * n + i]! * x[k]!;
    x[i] = sum / l[i * n + i]!;
  }
  return x;
}

export interface GaussianProcess {
  lengthScale: number;
  /** Posterior mean and standard deviation at x, in the targets' units. */
  predict(x: readonly number[]): { mean: number; std: number };
}

interface Fit {
  l: Float64Array;
  weights: Float64Array;
  logLikelihood: number;
}

function fitWith(
  xs: readonly (readonly number[])[],
  ys: Float64Array,
  alpha: number,
  lengthScale: number,
): Fit | null {
  const n = xs.length;
  const k = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j <= i; j++) {
      const v = matern52(xs[i]!, xs[j]!, lengthScale);
      k[i * n + j] = v;
      k[j * n + i] = v;
    }
  }
  // Repeated points (discrete hyperparameters) can make K singular even with alpha; add jitter until it is not.
  for (let jitter = alpha; jitter < 1; jitter *= 10) {
    const kj = Float64Array.from(k);
    for (let i = 0; i < n; i++) kj[i * n + i]! += jitter;
    const l = cholesky(kj, n);
    if (!l) continue;
    const weights = solveUpper(l, n, solveLower(l, n, ys));
    let logDet = 0;
    let fitTerm = 0;
    for (let i = 0; i < n; i++) {
      logDet += Math.log(l[i * n + i]!);
      fitTerm += ys[i]! * weights[i]!;
    }
    return { l, weights, logLikelihood: -0.5 * fitTerm - logDet - 0.5 * n * Math.log(2 * Math.PI) };
  }
  return null;
}

export function fitGaussianProcess(
  xs: readonly (readonly number[])[],
  ys: readonly number[],
  alpha: number,
): GaussianProcess {
  const n = xs.length;
  const mean = ys.reduce((s, y) => s + y, 0) / n;
  const variance = ys.reduce((s, y) => s + (y - mean) ** 2, 0) / n;
  const scale = variance > 0 ? Math.sqrt(variance) : 1;
  const normalized = Float64Array.from(ys, (y) => (y - mean) / scale);

  let best: (Fit & { lengthScale: number }) | null = null;
  for (const lengthScale of LENGTH_SCALES) {
    const fit = fitWith(xs, normalized, alpha, lengthScale);
    if (fit && (!best || fit.logLikelihood > best.logLikelihood)) best = { ...fit, lengthScale };
  }
  if (!best) throw new Error('Gaussian process: kernel matrix is not positive definite at any length scale');
  const { l, weights, lengthScale } = best;
  return {
    lengthScale,
    predict(x) {
      const kx = xs.map((xi) => matern52(xi, x, lengthScale));
      let mu = 0;
      for (let i = 0; i < n; i++) mu += kx[i]! * weights[i]!;
      const v = solveLower(l, n, kx);
      let explained = 0;
      for (let i = 0; i < n; i++) explained += v[i]! * v[i]!;
      return { mean: mu * scale + mean, std: Math.sqrt(Math.max(1 - explained, 0)) * scale };
    },
  };
}
