import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { openEngine, quoteLiteral } from '@ctpipe/data';
import type { JsonObject } from '@ctpipe/ir';
import { loadServingModel } from '@ctpipe/model';
import type { EvalConfig, SliceMetrics } from '@ctpipe/model-analysis';
import { writeRawPenguins } from '@ctpipe/testing/penguins';
import { trainPenguinsModel } from '@ctpipe/testing-model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type EvaluateRun, runEvaluate } from '../test/run-evaluate.js';

let root: string;
let rawExamples: string;
let goodModel: string;
let worseModel: string;
/** The eval split's raw rows, in file order, with numbers as numbers. */
let evalRows: Record<string, string | number | null>[];

beforeAll(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'ctpipe-evaluate-'));
  rawExamples = path.join(root, 'examples');
  await writeRawPenguins(rawExamples);
  goodModel = await trainPenguinsModel(rawExamples, path.join(root, 'good'), {
    epochs: 30,
    learningRate: 0.02,
  });
  worseModel = await trainPenguinsModel(rawExamples, path.join(root, 'worse'), {
    epochs: 1,
    learningRate: 0.005,
  });
  const engine = await openEngine({ threads: 1 });
  const file = path.join(rawExamples, 'Split-eval', 'data_0.parquet');
  evalRows = (await engine.query(`SELECT * FROM read_parquet(${quoteLiteral(file)})`)).map((row) =>
    Object.fromEntries(
      Object.entries(row).map(([k, v]) => [
        k,
        typeof v === 'string' && /\((mm|g)\)$/.test(k) ? Number(v) : v,
      ]),
    ),
  ) as Record<string, string | number | null>[];
  await engine.close();
}, 120_000);

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

let runs = 0;
const run = (options: Omit<EvaluateRun, 'dir' | 'examples'>) =>
  runEvaluate({ ...options, dir: path.join(root, `run-${++runs}`), examples: rawExamples });

/** Accuracy of a model on eval rows, computed here from its raw predictions (not by the metrics package). */
async function independentAccuracy(modelDir: string, keep: (row: Record<string, unknown>) => boolean) {
  const rows = evalRows.filter(keep);
  const served = await loadServingModel(modelDir);
  const prediction = served.predict(rows.map(({ Species: _label, ...features }) => features));
  served.dispose();
  if (!('classes' in prediction)) throw new TypeError('the penguins model is a classifier');
  return prediction.classes.filter((c, i) => c === rows[i]!.Species).length / rows.length;
}

const bySlice = (slices: SliceMetrics[], key: Record<string, string>) =>
  slices.find((s) => JSON.stringify(s.slice) === JSON.stringify(key));

describe('evaluate core on the penguins', () => {
  let first: Awaited<ReturnType<typeof run>>;

  beforeAll(async () => {
    first = await run({ model: goodModel });
  });

  it('blesses the first model by rubber stamp, saying the change thresholds were skipped', async () => {
    expect(first.result.parameters.blessed).toBe(true);
    expect(first.blessingFiles).toEqual(['BLESSED']);
    const blessing = first.result.metadata.blessing!;
    expect(blessing).toMatchObject({
      blessed: 1,
      current_model: goodModel,
      current_model_version: 1,
      baseline_model: '',
      rubber_stamp: true,
    });
    expect(
      (blessing.reasons as string[]).some((r) => /baseline/i.test(r) && /change threshold/i.test(r)),
    ).toBe(true);
    expect(first.evaluation.baseline).toBeNull();
    expect(first.evaluation.validation).toMatchObject({
      validationOk: true,
      rubberStamp: true,
      failures: [],
    });
  });

  it('measures the accuracy a client of the served model would see, overall and per island', async () => {
    const overall = await independentAccuracy(goodModel, () => true);
    expect(first.result.parameters.accuracy).toBeCloseTo(overall, 12);
    expect(overall).toBeGreaterThanOrEqual(0.9);
    const slices = first.evaluation.candidate.metrics.slices;
    for (const island of ['Biscoe', 'Dream', 'Torgersen']) {
      const expected = await independentAccuracy(goodModel, (r) => r.Island === island);
      expect(bySlice(slices, { Island: island })?.metrics.accuracy).toBeCloseTo(expected, 12);
    }
  });

  it('computes every slice of the default config: overall, island, sex, island × sex, body-mass quartiles', () => {
    const slices = first.evaluation.candidate.metrics.slices;
    expect(slices[0]).toMatchObject({ slice: {}, exampleCount: evalRows.length });
    const islands = slices.filter((s) => Object.keys(s.slice).join() === 'Island');
    expect(islands.map((s) => s.slice.Island).sort()).toEqual(['Biscoe', 'Dream', 'Torgersen']);
    expect(islands.reduce((sum, s) => sum + s.exampleCount, 0)).toBe(evalRows.length);
    // A bird whose sex is missing has no Sex value to slice on: it is in no Sex or Island × Sex slice.
    const sexed = evalRows.filter((r) => r.Sex !== null).length;
    expect(sexed).toBeLessThan(evalRows.length);
    const sexes = slices.filter((s) => Object.keys(s.slice).join() === 'Sex');
    expect(sexes.reduce((sum, s) => sum + s.exampleCount, 0)).toBe(sexed);
    const crosses = slices.filter((s) => Object.keys(s.slice).join() === 'Island,Sex');
    expect(crosses.reduce((sum, s) => sum + s.exampleCount, 0)).toBe(sexed);
    const biscoeMales = evalRows.filter((r) => r.Island === 'Biscoe' && r.Sex === 'MALE').length;
    expect(bySlice(slices, { Island: 'Biscoe', Sex: 'MALE' })?.exampleCount).toBe(biscoeMales);
    const quartiles = slices.filter((s) => Object.keys(s.slice).join() === 'Body Mass (g)');
    expect(quartiles.length).toBeGreaterThanOrEqual(4);
  });

  it('records the overall metrics flat on system.Metrics and KFP’s confusion matrix on ClassificationMetrics', () => {
    const { evaluation, classification_metrics: kfp } = first.result.metadata;
    expect(evaluation).toMatchObject({
      example_count: evalRows.length,
      accuracy: first.result.parameters.accuracy,
    });
    expect(Object.values(evaluation!).every((v) => typeof v === 'number' && Number.isFinite(v))).toBe(true);
    const matrix = kfp!.confusionMatrix as {
      annotationSpecs: { displayName: string }[];
      rows: { row: number[] }[];
    };
    expect(matrix.annotationSpecs.map((a) => a.displayName)).toEqual(['Adelie', 'Chinstrap', 'Gentoo']);
    expect(matrix.rows.flatMap((r) => r.row).reduce((a, b) => a + b, 0)).toBe(evalRows.length);
    const diagonal = matrix.rows.reduce((sum, r, i) => sum + r.row[i]!, 0);
    expect(diagonal / evalRows.length).toBeCloseTo(first.result.parameters.accuracy, 12);
  });

  it('puts the per-slice metrics table on the blessing, and writes a report', () => {
    const table = first.result.metadata.blessing!.metrics_table as { header: string[]; rows: unknown[][] };
    expect(table.header).toContain('accuracy');
    expect(table.rows.length).toBe(first.evaluation.candidate.metrics.slices.length);
    expect(first.html).toContain('Torgersen');
    expect(first.html).toMatch(/<html/i);
  });

  it('does not bless a worse candidate than the blessed baseline: the reason names metric, value, baseline, threshold', async () => {
    const second = await run({ model: worseModel, baseline: goodModel });
    expect(second.result.parameters.blessed).toBe(false);
    expect(second.blessingFiles).toEqual(['NOT_BLESSED']);
    const worse = await independentAccuracy(worseModel, () => true);
    const good = first.result.parameters.accuracy;
    expect(worse).toBeLessThan(good);
    // Both overall accuracy thresholds fail: the value bound (0.9) and the change against the baseline.
    const overall = second.evaluation.validation.failures.filter(
      (f) => Object.keys(f.slice).length === 0 && f.metric === 'accuracy',
    );
    expect(overall).toHaveLength(2);
    const change = overall.find((f) => /change/.test(f.message));
    expect(change).toMatchObject({ value: expect.closeTo(worse, 12), baseline: expect.closeTo(good, 12) });
    expect(second.result.metadata.blessing).toMatchObject({
      blessed: 0,
      rubber_stamp: false,
      baseline_model: goodModel,
      current_model: worseModel,
    });
    const reasons = second.result.metadata.blessing!.reasons as string[];
    expect(reasons).toContain(change!.message);
    const shown = (x: number) => String(Number(x.toPrecision(6)));
    expect(change!.message).toContain('accuracy on slice overall');
    expect(change!.message).toContain(`is ${shown(worse)} vs baseline ${shown(good)}`);
    expect(change!.message).toContain('absolute bound -1e-10 (HIGHER_IS_BETTER)');
    // The diff metrics are candidate − baseline, per slice.
    const overallDiff = second.evaluation.diffs.find((d) => Object.keys(d.slice).length === 0);
    expect(overallDiff?.metrics.accuracy).toBeCloseTo(worse - good, 12);
  });

  it('finds the baseline through the latest positive blessing (its current_model)', async () => {
    const first = await run({ model: goodModel });
    expect(first.result.parameters.blessed).toBe(true);
    const blessing = {
      uri: '/runs/1/evaluate/blessing',
      metadata: first.result.metadata.blessing as JsonObject,
    };
    const second = await run({ model: worseModel, baselineBlessing: blessing });
    expect(second.result.parameters.blessed).toBe(false);
    expect(second.result.metadata.blessing).toMatchObject({ rubber_stamp: false, baseline_model: goodModel });
    // A negative blessing names no baseline: the run is rubber-stamped.
    const negative = { uri: blessing.uri, metadata: { ...blessing.metadata, blessed: 0 } };
    const third = await run({ model: goodModel, baselineBlessing: negative });
    expect(third.result.metadata.blessing).toMatchObject({ rubber_stamp: true, baseline_model: '' });
  });

  it('blesses a candidate as good as the baseline (the "not worse" gate lets a tie pass)', async () => {
    const again = await run({ model: goodModel, baseline: goodModel });
    expect(again.result.parameters.blessed).toBe(true);
    expect(again.result.metadata.blessing).toMatchObject({ rubber_stamp: false, baseline_model: goodModel });
    expect(again.evaluation.diffs.find((d) => Object.keys(d.slice).length === 0)?.metrics.accuracy).toBe(0);
  });

  it('does not bless when one island misses a per-slice threshold, and names that slice', async () => {
    const islands = await Promise.all(
      ['Biscoe', 'Dream', 'Torgersen'].map(async (island) => ({
        island,
        accuracy: await independentAccuracy(worseModel, (r) => r.Island === island),
      })),
    );
    islands.sort((a, b) => a.accuracy - b.accuracy);
    // The bound sits at the second-worst island's accuracy: only the worst island misses it.
    expect(islands[0]!.accuracy).toBeLessThan(islands[1]!.accuracy);
    const config: EvalConfig = {
      labelKey: 'Species',
      slicingSpecs: [{}],
      perSliceThresholds: [
        {
          slicingSpec: { featureKeys: ['Island'] },
          metric: 'accuracy',
          threshold: { valueThreshold: { lowerBound: islands[1]!.accuracy } },
        },
      ],
    };
    const sliced = await run({ model: worseModel, config });
    expect(sliced.result.parameters.blessed).toBe(false);
    const failures = sliced.evaluation.validation.failures;
    expect(failures).toHaveLength(1);
    expect(failures[0]).toMatchObject({ slice: { Island: islands[0]!.island }, metric: 'accuracy' });
    expect(failures[0]!.message).toContain(islands[0]!.island);
    expect(sliced.result.metadata.blessing!.reasons).toContain(failures[0]!.message);
  });
});

describe('evaluate core on a regressor', () => {
  it('evaluates regression metrics, with no classification metrics and accuracy 0', async () => {
    const regressor = await trainPenguinsModel(rawExamples, path.join(root, 'regressor'), {
      epochs: 20,
      learningRate: 0.02,
      label: 'body_mass',
    });
    const config: EvalConfig = {
      labelKey: 'Body Mass (g)',
      slicingSpecs: [{}, { featureKeys: ['Island'] }],
      thresholds: { rmse: { valueThreshold: { upperBound: 1000 } } },
    };
    const { result, evaluation } = await run({ model: regressor, config });
    expect(result.parameters).toEqual({ blessed: true, accuracy: 0 });
    expect(result.metadata.classification_metrics).toEqual({});
    const overall = evaluation.candidate.metrics.slices[0]!;
    // Body mass has two missing values: counted as unknown labels, not evaluated.
    expect(overall.unknownLabelCount + overall.exampleCount).toBe(evalRows.length);
    expect(overall.metrics.rmse).toBeCloseTo(Math.sqrt(overall.metrics.mse!), 9);
    expect(result.metadata.evaluation).toMatchObject({ rmse: overall.metrics.rmse });
  });
});

describe('evaluate core errors (broken inputs, not verdicts)', () => {
  it('names a label column the examples lack', async () => {
    await expect(
      run({ model: goodModel, config: { labelKey: 'species', slicingSpecs: [{}] } }),
    ).rejects.toMatchObject({ code: 'BAD_INPUT', details: { column: 'species' } });
  });

  it('rejects an invalid eval config with the path of the problem', async () => {
    const config = {
      labelKey: 'Species',
      slicingSpecs: [{ featureKeys: 'Island' }],
    } as unknown as EvalConfig;
    await expect(run({ model: goodModel, config })).rejects.toMatchObject({
      code: 'BAD_CONFIG',
      details: { path: 'slicingSpecs[0].featureKeys' },
    });
  });

  it('reports a missing split', async () => {
    await expect(run({ model: goodModel, split: 'test' })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
