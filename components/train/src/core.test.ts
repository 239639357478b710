import { readFileSync } from 'node:fs';
import { readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { loadServingModel } from '@ctpipe/model';
import { testContext } from '@ctpipe/testing/core-context';
import { penguinsJsonPath } from '@ctpipe/testing/penguins';
import { parseHyperParameters } from '@ctpipe/tuner';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  compileForTrials,
  type Scratch,
  type Transformed,
  trainInputs,
  transformedPenguins,
} from '../test/fixtures.js';
import { createTrainCore } from './core.js';

function penguinRows(): Record<string, unknown>[] {
  return JSON.parse(readFileSync(penguinsJsonPath(), 'utf8'));
}

let scratch: Scratch;
let penguins: Transformed;
let train: ReturnType<typeof createTrainCore>;
const VERSION = String(Date.parse('2025-01-01T00:00:00Z') / 1000);

beforeAll(async () => {
  scratch = await compileForTrials();
  penguins = await transformedPenguins(scratch.root);
  train = createTrainCore({ trialWorkerModule: scratch.workerModule });
}, 120_000);

afterAll(async () => {
  await scratch?.close();
});

const artifacts = () => ({
  transformed_examples: penguins.examples,
  transform_graph: penguins.graph,
  hyperparameters: undefined,
});

async function run(name: string, parameters: Record<string, number | string> = {}, hyperparameters?: string) {
  const given = hyperparameters
    ? { uri: hyperparameters, path: hyperparameters, type: penguins.graph.type, metadata: {} }
    : undefined;
  const inputs = await trainInputs(
    scratch.root,
    name,
    { ...artifacts(), hyperparameters: given },
    { module_file: scratch.penguinsModel, max_trials: 10, parallel_trials: 2, epochs: 20, ...parameters },
  );
  const ctx = testContext();
  const result = await train(inputs, ctx);
  const out = inputs.outputs;
  const file = (dir: string, name: string) => readFile(path.join(dir, name), 'utf8');
  return {
    result,
    logs: ctx.logs,
    out,
    bestText: await file(out.best_hyperparameters.path, 'best_hyperparameters.txt'),
    weights: await readFile(path.join(out.model.path, VERSION, 'group1-shard1of1.bin')),
    trialScores: ctx.logs
      .filter((l) => / done$/.test(l.message))
      .map((l) => [l.message, l.fields?.score])
      .sort(),
  };
}

describe('train core on the penguins', () => {
  let first: Awaited<ReturnType<typeof run>>;

  beforeAll(async () => {
    first = await run('tuned');
  }, 300_000);

  it('tunes 10 random trials across 2 processes and reaches eval accuracy >= 0.95', () => {
    expect(first.result.parameters.eval_accuracy).toBeGreaterThanOrEqual(0.95);
    expect(first.result.parameters.backend).toMatch(/^(tensorflow|wasm)$/);
    const progress = first.logs.filter((l) => l.level === 'progress' && l.message === 'trial');
    expect(progress.map((l) => l.fields?.done)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(progress.every((l) => l.fields?.total === 10)).toBe(true);
    expect(first.trialScores).toHaveLength(10);
    expect(
      first.logs.some(
        (l) => l.message === 'tf.js backend' && l.fields?.backend === first.result.parameters.backend,
      ),
    ).toBe(true);
  });

  it('writes the model in TF Serving layout, the best hyperparameters, metrics and curves', async () => {
    const { out, result } = first;
    expect((await readdir(out.model.path)).sort()).toEqual([VERSION]);
    expect((await readdir(path.join(out.model.path, VERSION))).sort()).toEqual([
      'group1-shard1of1.bin',
      'hyperparameters.json',
      'model.json',
      'signature.json',
      'transform_graph.json',
    ]);
    const best = parseHyperParameters(first.bestText);
    expect(Object.keys(best.values).sort()).toEqual(['dropout', 'learning_rate', 'num_layers', 'units']);
    expect(best.space.map((h) => h.name)).toEqual(['num_layers', 'units', 'dropout', 'learning_rate']);
    const metrics = JSON.parse(await readFile(path.join(out.metrics.path, 'metrics.json'), 'utf8'));
    expect(metrics.eval_accuracy).toBe(result.parameters.eval_accuracy);
    expect(result.metadata.metrics).toEqual(metrics);
    expect(Object.keys(metrics).sort()).toEqual([
      'best_epoch',
      'epochs_run',
      'eval_accuracy',
      'eval_loss',
      'train_accuracy',
      'train_loss',
    ]);
    expect(result.metadata.model).toMatchObject({
      framework: 'tfjs',
      backend: result.parameters.backend,
      version: Number(VERSION),
      eval_accuracy: result.parameters.eval_accuracy,
      tuned: true,
      trials: 10,
    });
    const html = await readFile(path.join(out.training_curves.path, 'index.html'), 'utf8');
    expect(html.match(/<svg /g)).toHaveLength(2);
    expect(html).toContain('<h2>Trials</h2>');
  });

  it('exports a model that predicts from raw eval rows exactly what training measured (no skew)', async () => {
    const rows = penguinRows().filter((_, i) => (i + 1) % 3 === 0);
    const served = await loadServingModel(first.out.model.path);
    const prediction = served.predict(rows.map(({ Species: _label, ...features }) => features));
    if (!('classes' in prediction)) throw new TypeError('the penguins model is a classifier');
    const correct = prediction.classes.filter((c, i) => c === rows[i]?.Species).length;
    expect(correct / rows.length).toBeCloseTo(first.result.parameters.eval_accuracy, 6);
    served.dispose();
  });

  it('is reproducible: the same seed gives the same trials, best values and model, at any parallelism', async () => {
    const again = await run('again', { parallel_trials: 1 });
    expect(again.trialScores).toEqual(first.trialScores);
    expect(again.bestText).toBe(first.bestText);
    expect(again.result.parameters.eval_accuracy).toBe(first.result.parameters.eval_accuracy);
    expect(again.weights.equals(first.weights)).toBe(true);
  }, 300_000);

  it('trains with given hyperparameters without tuning (Tuner → Trainer hand-off)', async () => {
    const reused = await run('reused', {}, first.out.best_hyperparameters.path);
    expect(reused.logs.some((l) => l.message === 'trial')).toBe(false);
    expect(reused.logs.some((l) => l.message.startsWith('trial '))).toBe(false);
    expect(reused.bestText).toBe(first.bestText);
    expect(reused.result.metadata.model).toMatchObject({ tuned: false });
    // The same values and seed train the same final model.
    expect(reused.weights.equals(first.weights)).toBe(true);
  });
});

describe('train core with the other tuners', () => {
  it('runs Hyperband, promoted trials resuming from their parent checkpoints', async () => {
    const { result, logs, out } = await run('hyperband', { tuner: 'hyperband', epochs: 9 });
    const starts = logs.filter((l) => / started$/.test(l.message));
    const values = starts.map((l) => l.fields?.values as Record<string, number | string>);
    const resumed = values.filter((v) => Number(v['tuner/initial_epoch']) > 0);
    expect(resumed.length).toBeGreaterThan(0);
    expect(resumed.every((v) => typeof v['tuner/trial_id'] === 'string')).toBe(true);
    expect(logs.filter((l) => l.level === 'warn')).toEqual([]);
    expect(result.parameters.eval_accuracy).toBeGreaterThanOrEqual(0.95);
    // Trial checkpoints are scratch: only the exported version is published.
    expect(await readdir(out.model.path)).toEqual([VERSION]);
  }, 300_000);

  it('runs Bayesian optimization', async () => {
    const { result, trialScores } = await run('bayesian', { tuner: 'bayesian', max_trials: 4 });
    expect(trialScores).toHaveLength(4);
    expect(result.parameters.eval_accuracy).toBeGreaterThanOrEqual(0.95);
  }, 300_000);
});

describe('train core errors', () => {
  it('rejects an unknown tuner', async () => {
    const inputs = await trainInputs(scratch.root, 'bad-tuner', artifacts(), {
      module_file: scratch.penguinsModel,
      tuner: 'grid',
    });
    await expect(train(inputs, testContext())).rejects.toMatchObject({
      code: 'BAD_CONFIG',
      details: { expected: 'random | hyperband | bayesian', found: 'grid' },
    });
    await rm(path.join(scratch.root, 'bad-tuner'), { recursive: true, force: true });
  });
});
