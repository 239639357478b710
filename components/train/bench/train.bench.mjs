// Train benchmarks, on the built packages (dist/):
//  (a) one epoch over BENCH_ROWS rows (default 200,000) × 20 features, 2 dense layers of 64, batch 256, on each
//      tf.js backend that loads here (tensorflow = tfjs-node, wasm, cpu), each in its own process;
//  (b) 10-trial random search through the train core (trial processes, BENCH_TUNE_ROWS rows, default BENCH_ROWS: the same task),
//      with 1 trial process vs one per core. Target: >= 1.6x speed-up on 2 cores.
import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openEngine, quoteLiteral } from '@ctpipe/data';
import { selectBackend, trainModel } from '@ctpipe/model';
import { train } from '../dist/index.js';
import { model as denseModule } from './dense-module.mjs';

const FEATURES = 20;
const SPEEDUP_TARGET = 1.6;
const here = fileURLToPath(import.meta.url);

if (process.argv[2] === '--epoch') {
  await epochCase(process.argv[3], Number(process.argv[4]));
} else {
  await main();
}

async function main() {
  const rows = Number(process.env.BENCH_ROWS ?? 200_000);
  const cores = os.availableParallelism();
  console.log(`train bench: ${cores} cores, node ${process.version}`);
  console.log(
    `\n(a) one epoch, ${rows.toLocaleString('en')} rows × ${FEATURES} features, dense 64-64, batch 256`,
  );
  const results = [];
  for (const backend of ['tensorflow', 'wasm', 'cpu']) {
    const out = execFileSync(process.execPath, [here, '--epoch', backend, String(rows)], {
      encoding: 'utf8',
    });
    const result = JSON.parse(out.trim().split('\n').at(-1));
    if (result.backend !== backend) {
      console.log(`${backend.padEnd(11)} not available here (fell back to ${result.backend})`);
      continue;
    }
    results.push(result);
  }
  const base = results.find((r) => r.backend === 'cpu');
  for (const r of results) {
    const rate = rows / r.seconds;
    const vsCpu = base ? `  ${(base.seconds / r.seconds).toFixed(2)}× cpu` : '';
    console.log(
      `${r.backend.padEnd(11)} ${r.seconds.toFixed(2).padStart(6)} s/epoch  ` +
        `${Math.round(rate).toLocaleString('en').padStart(9)} rows/s  loss ${r.loss.toFixed(4)}${vsCpu}`,
    );
  }
  await tuningCase(Number(process.env.BENCH_TUNE_ROWS ?? rows), cores);
}

/** Synthetic rows: uniform features in [-1, 1), label = (x0 + x1 > 0), from a fixed LCG. */
function synthetic(n) {
  let state = 12345;
  const next = () => {
    state = (Math.imul(state, 1664525) + 1013904223) | 0;
    return (state >>> 0) / 2 ** 32;
  };
  const features = new Float32Array(n * FEATURES);
  const labels = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    for (let f = 0; f < FEATURES; f++) features[i * FEATURES + f] = next() * 2 - 1;
    labels[i] = features[i * FEATURES] + features[i * FEATURES + 1] > 0 ? 1 : 0;
  }
  return { features, labels, n };
}

function syntheticShape() {
  return {
    featureCount: FEATURES,
    features: Array.from({ length: FEATURES }, (_, f) => ({ name: `x${f}`, kind: 'dense', width: 1 })),
    task: { kind: 'classification', classes: 2, labels: ['0', '1'] },
  };
}

async function epochCase(prefer, rows) {
  const backend = await selectBackend({ prefer });
  const data = synthetic(rows + 1000);
  const train = {
    features: data.features.subarray(0, rows * FEATURES),
    labels: data.labels.subarray(0, rows),
    n: rows,
  };
  const evalSet = {
    features: data.features.subarray(rows * FEATURES),
    labels: data.labels.subarray(rows),
    n: 1000,
  };
  let seconds = 0;
  let loss = 0;
  const start = performance.now();
  await trainModel({
    module: denseModule,
    hp: { units: 64, learning_rate: 1e-3 },
    shape: syntheticShape(),
    train,
    eval: evalSet,
    seed: 1,
    epochs: 1,
    onEpoch: (_epoch, logs) => {
      seconds = (performance.now() - start) / 1000;
      loss = logs.loss;
    },
  });
  console.log(JSON.stringify({ backend, seconds, loss }));
}

/** Transformed examples + TransformGraph of the synthetic task, as the transform component writes them. */
async function writeTransformed(dir, rows) {
  const x = (f) => `((hash(i * ${FEATURES} + ${f}) % 2000000) / 1000000.0 - 1)::FLOAT AS x${f}`;
  const columns = Array.from({ length: FEATURES }, (_, f) => x(f)).join(', ');
  const engine = await openEngine();
  try {
    for (const [split, n, offset] of [
      ['train', rows, 0],
      ['eval', Math.round(rows / 5), rows],
    ]) {
      await mkdir(path.join(dir, 'examples', `Split-${split}`), { recursive: true });
      const select = `SELECT *, (x0 + x1 > 0)::INTEGER AS label FROM (SELECT ${columns} FROM range(${offset}, ${offset + n}) t(i))`;
      const file = path.join(dir, 'examples', `Split-${split}`, 'data_0.parquet');
      await engine.run(`COPY (${select}) TO ${quoteLiteral(file)} (FORMAT parquet)`);
    }
  } finally {
    await engine.close();
  }
  const names = Array.from({ length: FEATURES }, (_, f) => `x${f}`);
  const graph = {
    version: 1,
    spec: {
      features: Object.fromEntries(names.map((n) => [n, { type: 'numeric', column: n, steps: [] }])),
      label: { type: 'classification', column: 'y' },
    },
    analyzers: {
      rowCount: rows,
      features: Object.fromEntries(names.map((n) => [n, { steps: [] }])),
      label: { classes: ['0', '1'] },
    },
    outputs: {
      features: names.map((name) => ({ name, kind: 'dense', width: 1 })),
      featureColumns: names,
      label: { column: 'label', kind: 'classification', vocabulary: ['0', '1'] },
    },
    rawFeatures: names.map((name) => ({ name, type: 'number' })),
  };
  await mkdir(path.join(dir, 'graph'), { recursive: true });
  await writeFile(path.join(dir, 'graph', 'transform_graph.json'), JSON.stringify(graph));
}

async function tuningCase(rows, cores) {
  console.log(
    `\n(b) 10-trial random search, ${rows.toLocaleString('en')} rows × ${FEATURES}, 1 epoch per trial`,
  );
  const dir = await mkdtemp(path.join(os.tmpdir(), 'ctpipe-train-bench-'));
  try {
    await writeTransformed(dir, rows);
    const seconds = {};
    for (const workers of [1, cores]) {
      seconds[workers] = await tuneOnce(dir, workers);
      console.log(
        `${String(workers).padStart(2)} trial process${workers === 1 ? '  ' : 'es'}  ${seconds[workers].toFixed(2).padStart(6)} s`,
      );
    }
    const speedup = seconds[1] / seconds[cores];
    const verdict =
      cores < 2 ? 'one core: no speed-up possible' : speedup >= SPEEDUP_TARGET ? 'ok' : 'BELOW TARGET';
    console.log(
      `speed-up ${speedup.toFixed(2)}× on ${cores} cores (target ${SPEEDUP_TARGET}× on 2)  ${verdict}`,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

async function tuneOnce(dir, workers) {
  const out = path.join(dir, `out-${workers}`);
  const output = async (name, schemaTitle) => {
    await mkdir(path.join(out, name), { recursive: true });
    return {
      uri: path.join(out, name),
      path: path.join(out, name),
      type: { schemaTitle, schemaVersion: '0.0.1' },
    };
  };
  const artifact = (name, schemaTitle) => ({
    uri: path.join(dir, name),
    path: path.join(dir, name),
    type: { schemaTitle, schemaVersion: '0.0.1' },
    metadata: {},
  });
  let tuningStart = 0;
  let tuningEnd = 0;
  const log = {
    info: (message) => {
      if (message === 'tuning') tuningStart = performance.now();
      if (message === 'best trial') tuningEnd = performance.now();
    },
    warn: (message, fields) => console.error(message, fields),
    progress() {},
  };
  await train(
    {
      parameters: {
        module_file: fileURLToPath(new URL('./dense-module.mjs', import.meta.url)),
        module_digest: '',
        tuner: 'random',
        max_trials: 10,
        parallel_trials: workers,
        epochs: 1,
        seed: 42,
      },
      artifacts: {
        transformed_examples: artifact('examples', 'system.Dataset'),
        transform_graph: artifact('graph', 'system.Artifact'),
        hyperparameters: undefined,
      },
      outputs: {
        model: await output('model', 'system.Model'),
        best_hyperparameters: await output('best_hyperparameters', 'system.Artifact'),
        metrics: await output('metrics', 'system.Metrics'),
        training_curves: await output('training_curves', 'system.HTML'),
      },
    },
    { log, now: () => new Date(), random: Math.random },
  );
  return (tuningEnd - tuningStart) / 1000;
}
