import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { eventsOf, PENGUINS, REPO_ROOT, runCli, tempSettings } from './helpers.js';

/** Loads the served model in a fresh Node process, as a prediction server would, and predicts raw rows. */
function predictInFreshProcess(modelDir: string, rows: unknown[]): { classes: string[]; probabilities: number[][] } {
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

    const trained = events.find((e) => e.type === 'task' && e.task.endsWith('/train') && e.state === 'SUCCEEDED');
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
});
