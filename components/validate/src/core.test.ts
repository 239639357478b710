import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Anomalies, Schema } from '@ctpipe/data-validation';
import { penguinsJsonPath } from '@ctpipe/testing/penguins';
import { describe, expect, it } from 'vitest';
import { penguinExamples, quietContext, validateInputs } from '../test/examples.js';
import { validate } from './core.js';

const readJson = async <T>(file: string) => JSON.parse(await readFile(file, 'utf8')) as T;

describe('validate on the penguins', () => {
  it('clean data: statistics per split, species/island/sex as string domains, zero anomalies', async () => {
    const inputs = await validateInputs(await penguinExamples());
    const result = await validate(inputs, quietContext);
    expect(result.parameters).toEqual({ valid: true, anomaly_count: 0 });

    const schema = await readJson<Schema>(path.join(inputs.outputs.schema.path, 'schema.json'));
    for (const name of ['Species', 'Island', 'Sex']) {
      const feature = schema.feature.find((f) => f.name === name);
      expect(feature?.type).toBe('BYTES');
      expect(feature?.domain).toBe(name);
      expect(schema.stringDomain?.some((d) => d.name === name)).toBe(true);
    }
    const islands = schema.stringDomain?.find((d) => d.name === 'Island')?.value.sort();
    expect(islands).toEqual(['Biscoe', 'Dream', 'Torgersen']);
    const pbtxt = await readFile(path.join(inputs.outputs.schema.path, 'schema.pbtxt'), 'utf8');
    expect(pbtxt).toContain('string_domain {');

    const train = await readJson<{ datasets: { numExamples: string }[] }>(
      path.join(inputs.outputs.statistics.path, 'Split-train', 'FeatureStats.json'),
    );
    const evalStats = await readJson<{ datasets: { numExamples: string }[] }>(
      path.join(inputs.outputs.statistics.path, 'Split-eval', 'FeatureStats.json'),
    );
    expect(Number(train.datasets[0]?.numExamples) + Number(evalStats.datasets[0]?.numExamples)).toBe(344);
    const report = await readFile(path.join(inputs.outputs.report.path, 'index.html'), 'utf8');
    expect(report).toContain('<svg');
    expect(result.metadata.statistics?.digest).toMatch(/^[0-9a-f]{64}$/);
  });

  it('a bad span: removed column, new category, string in a numeric column, shifted distribution', async () => {
    const clean = await validateInputs(await penguinExamples());
    await validate(clean, quietContext);

    const bad = await penguinExamples(
      `SELECT * EXCLUDE (rn, "Body Mass (g)") REPLACE (
         CASE WHEN rn % 40 = 1 THEN 'Atlantis' ELSE Island END AS Island,
         CASE WHEN rn % 9 = 0 THEN 'n/a' ELSE CAST("Beak Length (mm)" AS VARCHAR) END AS "Beak Length (mm)",
         "Flipper Length (mm)" + 40 AS "Flipper Length (mm)")
       FROM penguins`,
    );
    const inputs = await validateInputs(bad, {
      parameters: { schema_path: path.join(clean.outputs.schema.path, 'schema.pbtxt') },
      baseline: { ...clean.outputs.statistics, metadata: {} },
    });
    const result = await validate(inputs, quietContext);
    expect(result.parameters.valid).toBe(false);

    const anomalies = await readJson<Anomalies>(
      path.join(inputs.outputs.anomalies.path, 'Split-train', 'SchemaDiff.json'),
    );
    const types = Object.fromEntries(
      Object.entries(anomalies.anomalyInfo).map(([feature, info]) => [
        feature,
        info.reason.map((r) => r.type),
      ]),
    );
    expect(types).toEqual({
      'Body Mass (g)': ['SCHEMA_MISSING_COLUMN'],
      Island: ['ENUM_TYPE_UNEXPECTED_STRING_VALUES'],
      'Beak Length (mm)': ['UNEXPECTED_DATA_TYPE'],
      'Flipper Length (mm)': ['COMPARATOR_JENSEN_SHANNON_DIVERGENCE_HIGH'],
    });
    expect(anomalies.anomalyInfo.Island?.description).toContain('Atlantis');
    expect(Object.values(anomalies.anomalyInfo).every((a) => a.severity === 'ERROR')).toBe(true);
    const flipper = anomalies.driftSkewInfo?.find((d) => d.path.step[0] === 'Flipper Length (mm)');
    expect(flipper?.driftMeasurements?.[0]).toMatchObject({
      type: 'JENSEN_SHANNON_DIVERGENCE',
      threshold: 0.1,
    });
    expect(flipper?.driftMeasurements?.[0]?.value).toBeGreaterThan(0.5);
    const rows = result.metadata.anomalies?.anomalies as { feature: string; reason: string }[];
    expect(
      rows
        .filter((r) => (r as { split?: string }).split === 'train')
        .map((r) => r.feature)
        .sort(),
    ).toEqual(['Beak Length (mm)', 'Body Mass (g)', 'Flipper Length (mm)', 'Island']);
  });

  it('names the file when the curated schema is broken', async () => {
    const inputs = await validateInputs(await penguinExamples(), {
      parameters: { schema_path: path.join(import.meta.dirname, '..', 'test', 'missing-schema.pbtxt') },
    });
    await expect(validate(inputs, quietContext)).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('skew: a serving request log whose distribution moved is flagged against training', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'serving-log-'));
    const penguins = JSON.parse(await readFile(penguinsJsonPath(), 'utf8')) as Record<string, unknown>[];
    // Serving sees only big birds from one island: skewed island and body-mass distributions.
    const served = penguins
      .filter(
        (p) => p.Island === 'Biscoe' && typeof p['Body Mass (g)'] === 'number' && p['Body Mass (g)'] > 4800,
      )
      .map(({ Species: _label, ...instance }) => instance);
    await writeFile(path.join(dir, 'requests.ndjson'), served.map((r) => JSON.stringify(r)).join('\n'));
    const inputs = await validateInputs(await penguinExamples(), {
      parameters: { serving_data: path.join(dir, 'requests.ndjson') },
    });
    const result = await validate(inputs, quietContext);
    expect(result.parameters.valid).toBe(false);
    const anomalies = await readJson<Anomalies>(
      path.join(inputs.outputs.anomalies.path, 'Split-train', 'SchemaDiff.json'),
    );
    expect(anomalies.anomalyInfo.Island?.reason.map((r) => r.type)).toEqual(['COMPARATOR_L_INFTY_HIGH']);
    expect(anomalies.anomalyInfo['Body Mass (g)']?.reason.map((r) => r.type)).toEqual([
      'COMPARATOR_JENSEN_SHANNON_DIVERGENCE_HIGH',
    ]);
    const island = anomalies.driftSkewInfo?.find((d) => d.path.step[0] === 'Island');
    expect(island?.skewMeasurements?.[0]).toMatchObject({ type: 'L_INFTY', threshold: 0.1 });
    expect(island?.skewMeasurements?.[0]?.value).toBeGreaterThan(0.4);
  });
});
