// Metrics throughput: BENCH_ROWS generated predictions (default 1,000,000; 3 classes) sliced by a 5-value
// feature, a 4-value feature and their cross (1 + 5 + 4 + 20 = 30 slices), every classification metric
// including exact AUC. Runs the built package (dist/). Target: >= 1,000,000 rows/s without bootstrap.
// A second, smaller case times the Poisson bootstrap (BENCH_BOOTSTRAP replicates, default 20, on 100,000 rows).
import os from 'node:os';
import { computeMetrics } from '../dist/index.js';

const TARGET = 1_000_000;
const rows = Number(process.env.BENCH_ROWS ?? 1_000_000);
const replicates = Number(process.env.BENCH_BOOTSTRAP ?? 20);

const config = {
  labelKey: 'label',
  slicingSpecs: [
    {},
    { featureKeys: ['region'] },
    { featureKeys: ['tier'] },
    { featureKeys: ['region', 'tier'] },
  ],
};

console.log(
  `metrics bench: ${rows.toLocaleString('en')} predictions, 3 classes, node ${process.version}, ${os.cpus()[0]?.model}`,
);
const batch = generate(rows, 42);
computeMetrics(generate(10_000, 7), config); // warm-up: let the JIT see every path once
const runs = [];
let result;
for (let r = 0; r < 3; r++) {
  const start = process.hrtime.bigint();
  result = computeMetrics(batch, config);
  runs.push(Number(process.hrtime.bigint() - start) / 1e9);
}
const best = Math.min(...runs);
const rate = rows / best;
const overall = result.slices[0].metrics;
console.log(
  `no bootstrap  ${result.slices.length} slices  best of 3 ${best.toFixed(3)} s (runs ${runs.map((s) => s.toFixed(3)).join(', ')})  ` +
    `${(rate / 1e6).toFixed(2)} M rows/s (target ${(TARGET / 1e6).toFixed(2)})  ${rate >= TARGET ? 'ok' : 'BELOW TARGET'}`,
);
console.log(
  `  overall accuracy ${overall.accuracy.toFixed(4)}  auc ${overall.auc.toFixed(4)}  log_loss ${overall.log_loss.toFixed(4)}  ` +
    `macro_f1 ${overall.macro_f1.toFixed(4)}`,
);

const small = generate(100_000, 3);
const start = process.hrtime.bigint();
const withCi = computeMetrics(small, {
  ...config,
  confidenceIntervals: { bootstrapSamples: replicates, seed: 1 },
});
const seconds = Number(process.hrtime.bigint() - start) / 1e9;
const ci = withCi.slices[0].confidenceIntervals.accuracy;
console.log(
  `bootstrap     100,000 rows × ${replicates} replicates  ${seconds.toFixed(3)} s  ` +
    `${((100_000 * (replicates + 1)) / seconds / 1e6).toFixed(2)} M row-evaluations/s  ` +
    `overall accuracy ${withCi.slices[0].metrics.accuracy.toFixed(4)} [${ci.lower.toFixed(4)}, ${ci.upper.toFixed(4)}]`,
);
if (rate < TARGET) process.exitCode = 1;

/** Columnar predictions of a fair 3-class model whose skill varies by region, with a few unknown labels. */
function generate(n, seed) {
  let state = seed >>> 0;
  const random = () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
  const regions = ['north', 'south', 'east', 'west', 'central'];
  const tiers = ['free', 'basic', 'pro', 'enterprise'];
  const labels = new Int32Array(n);
  const probabilities = new Float32Array(n * 3);
  const region = new Array(n);
  const tier = new Array(n);
  for (let i = 0; i < n; i++) {
    const r = Math.floor(random() * 5);
    region[i] = regions[r];
    tier[i] = tiers[Math.floor(random() * 4)];
    const y = Math.floor(random() * 3);
    labels[i] = random() < 0.001 ? -1 : y;
    const skill = 0.5 + 0.4 * (r / 4);
    let sum = 0;
    const raw = [random(), random(), random()];
    raw[y] += skill * 0.6;
    for (const v of raw) sum += v;
    for (let c = 0; c < 3; c++) probabilities[i * 3 + c] = Math.round((raw[c] / sum) * 1000) / 1000; // ties on purpose
  }
  return {
    task: 'classification',
    classes: ['a', 'b', 'c'],
    labels,
    probabilities,
    features: { region, tier },
  };
}
