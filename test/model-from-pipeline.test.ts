import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { openEngine } from '@ctpipe/data';
import { loadLayersModel, loadServingModel, selectBackend } from '@ctpipe/model';
import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { eventsOf, PENGUINS, REPO_ROOT, runCli, tempSettings } from './helpers.js';

/** Loads the served model in a fresh Node process, as a prediction server would, and predicts raw rows. */
function predictInFreshProcess(
  modelDir: string,
  rows: unknown[],
): { classes: string[]; probabilities: number[][] } {
  const script = `
    const { loadServingModel } = await import(${JSON.stringify(join(REPO_ROOT, 'packages/model/dist/index.js'))});
    const model = await loadServingModel(${JSON.stringify(modelDir)});
    const p = model.predict(${JSON.stringify(rows)});
    process.stdout.write(JSON.stringify(p));`;
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(result.stderr);
  return JSON.parse(result.stdout.slice(result.stdout.indexOf('{')));
}

describe('the CT pipeline trains a model that predicts from raw rows', () => {
  it('tunes ≥ 10 trials, reaches eval accuracy ≥ 0.95, and serves raw penguins in a fresh process', async () => {
    const { file } = tempSettings({ max_trials: 10 });
    const run = await runCli(['run', '--settings', file, '--env', 'test']).done;
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const events = eventsOf(run.stdout);
    const trials = events.filter((e) => e.type === 'progress' && e.step === 'trial');
    expect(Math.max(...trials.map((e) => (e.type === 'progress' ? e.done : 0)))).toBe(10);
    const accuracy = Number(/train: eval_accuracy=([0-9.]+)/.exec(run.stdout)?.[1]);
    expect(accuracy).toBeGreaterThanOrEqual(0.95);

    const trained = events.find(
      (e) => e.type === 'task' && e.task.endsWith('/train') && e.state === 'SUCCEEDED',
    );
    const modelDir = trained?.type === 'task' ? trained.artifacts?.model : undefined;
    expect(modelDir).toBeDefined();
    // Raw rows, exactly as the data set has them (label removed, nulls kept, column names with spaces).
    const penguins = (JSON.parse(readFileSync(PENGUINS, 'utf8')) as Record<string, unknown>[]).slice(0, 40);
    const instances = penguins.map(({ Species: _label, ...raw }) => raw);
    const first = predictInFreshProcess(modelDir!, instances);
    const second = predictInFreshProcess(modelDir!, instances);
    expect(second).toEqual(first);
    const correct = first.classes.filter((c, i) => c === penguins[i]?.Species).length;
    expect(correct / instances.length).toBeGreaterThanOrEqual(0.9);
    expect(first.probabilities[0]?.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
  });

  it('no training/serving skew: the transform component’s eval output and the serving path give the same predictions', async () => {
    const { file } = tempSettings({ max_trials: 2 });
    const run = await runCli(['run', '--settings', file, '--env', 'test']).done;
    expect(run.code).toBe(0);
    const artifacts = (task: string) => {
      const e = eventsOf(run.stdout).find(
        (x) => x.type === 'task' && x.task.endsWith(task) && x.state === 'SUCCEEDED',
      );
      return e?.type === 'task' ? (e.artifacts ?? {}) : {};
    };
    const examples = artifacts('extract').examples!;
    const transformed = artifacts('/transform').transformed_examples!;
    const modelDir = artifacts('/train').model!;

    // Path 1: the rows the transform component wrote (the training-time preprocessing) → the bare tf.js model.
    const engine = await openEngine();
    const featureRows = (await engine.query(
      `SELECT * EXCLUDE (label) FROM read_parquet('${transformed}/Split-eval/*.parquet')`,
    )) as Record<string, number>[];
    const rawRows = (await engine.query(
      `SELECT * EXCLUDE ("Species") FROM read_parquet('${examples}/Split-eval/*.parquet')`,
    )) as Record<string, unknown>[];
    await engine.close();
    expect(featureRows).toHaveLength(rawRows.length);
    const [version] = readdirSync(modelDir);
    const graph = JSON.parse(readFileSync(join(modelDir, version!, 'transform_graph.json'), 'utf8')) as {
      outputs: { featureColumns: string[] };
    };
    await selectBackend();
    const model = await loadLayersModel(join(modelDir, version!));
    const x = tf.tensor2d(featureRows.map((r) => graph.outputs.featureColumns.map((c) => Number(r[c]))));
    const fromTransform = (await (model.predict(x) as tf.Tensor).array()) as number[][];

    // Path 2: raw rows through the serving loader (the model's own TransformGraph, applied by the same code).
    const served = await loadServingModel(modelDir);
    // engine.query hands BIGINT over as strings; a serving request carries JSON numbers.
    const numeric = new Set(
      (
        JSON.parse(readFileSync(join(modelDir, version!, 'transform_graph.json'), 'utf8')) as {
          rawFeatures: { name: string; type: string }[];
        }
      ).rawFeatures.flatMap((f) => (f.type === 'number' ? [f.name] : [])),
    );
    const instances = rawRows.map((row) =>
      Object.fromEntries(
        Object.entries(row).map(([k, v]) => [k, numeric.has(k) && typeof v === 'string' ? Number(v) : v]),
      ),
    );
    const prediction = served.predict(instances);
    if (!('probabilities' in prediction)) throw new TypeError('the penguins model is a classifier');
    expect(prediction.probabilities).toHaveLength(fromTransform.length);
    for (let i = 0; i < fromTransform.length; i++) {
      for (let k = 0; k < fromTransform[i]!.length; k++) {
        expect(Math.abs(prediction.probabilities[i]![k]! - fromTransform[i]![k]!)).toBeLessThan(1e-6);
      }
    }
    served.dispose();
  });
});
