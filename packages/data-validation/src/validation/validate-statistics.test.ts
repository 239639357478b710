import { describe, expect, it } from 'vitest';
import { makeStats, numericFeature, penguinsStats, stringFeature } from '../../test/stats-fixtures.js';
import { inferSchema } from '../schema/infer-schema.js';
import type { Schema } from '../types/schema.js';
import { validateStatistics } from './validate-statistics.js';

const schema = inferSchema(penguinsStats());
const without = (name: string) => ({
  ...penguinsStats(),
  features: penguinsStats().features.filter((f) => f.path.step[0] !== name),
});

describe('validateStatistics', () => {
  it('finds nothing when the data matches the schema inferred from it', () => {
    const anomalies = validateStatistics(penguinsStats(), schema);
    expect(anomalies.anomalyInfo).toEqual({});
    expect(anomalies.anomalyNameFormat).toBe('SERIALIZED_PATH');
    expect(anomalies.baseline).toBe(schema);
    expect(anomalies.driftSkewInfo).toBeUndefined();
  });

  it('reports a new column and a dropped one with TFDV wording', () => {
    const stats = without('island');
    stats.features.push(stringFeature('colour', { blue: 344 }));
    const { anomalyInfo } = validateStatistics(stats, schema);
    expect(anomalyInfo.colour).toEqual({
      path: { step: ['colour'] },
      severity: 'ERROR',
      shortDescription: 'New column',
      description: 'New column (column in data but not in schema)',
      reason: [
        {
          type: 'SCHEMA_NEW_COLUMN',
          shortDescription: 'New column',
          description: 'New column (column in data but not in schema)',
        },
      ],
    });
    expect(anomalyInfo.island?.reason).toEqual([
      {
        type: 'SCHEMA_MISSING_COLUMN',
        shortDescription: 'Column dropped',
        description: 'Column is completely missing',
      },
    ]);
    expect(Object.keys(anomalyInfo).sort()).toEqual(['colour', 'island']);
  });

  it('reports a type mismatch as UNEXPECTED_DATA_TYPE', () => {
    const stats = penguinsStats();
    stats.features[5] = stringFeature('year', { '2007': 100, n_a: 244 });
    const info = validateStatistics(stats, schema).anomalyInfo.year;
    expect(info?.reason).toEqual([
      {
        type: 'UNEXPECTED_DATA_TYPE',
        shortDescription: 'Unexpected data type',
        description: 'Expected data of type: INT but got STRING',
      },
    ]);
  });

  it('combines several reasons into "Multiple errors" and takes the highest severity', () => {
    const stats = penguinsStats();
    // species now has missing values (breaks min_fraction 1.0 and the fixed shape) and an unknown value.
    stats.features[0] = stringFeature(
      'species',
      { Adelie: 150, Gentoo: 120, Chinstrap: 60, Emperor: 4 },
      { missing: 10 },
    );
    const info = validateStatistics(stats, schema, {
      severityOverrides: [{ type: 'INVALID_FEATURE_SHAPE', severity: 'WARNING' }],
    }).anomalyInfo.species;
    expect(info?.reason.map((r) => r.type)).toEqual([
      'INVALID_FEATURE_SHAPE',
      'FEATURE_TYPE_LOW_FRACTION_PRESENT',
      'ENUM_TYPE_UNEXPECTED_STRING_VALUES',
    ]);
    expect(info?.shortDescription).toBe('Multiple errors');
    expect(info?.description).toBe(info?.reason.map((r) => r.description).join(' '));
    expect(info?.severity).toBe('ERROR');
  });

  it('lowers severity with an override when every reason is overridden', () => {
    const stats = penguinsStats();
    stats.features.push(numericFeature('extra', { present: 344, min: 0, max: 1 }));
    const info = validateStatistics(stats, schema, {
      severityOverrides: [{ type: 'SCHEMA_NEW_COLUMN', severity: 'WARNING' }],
    }).anomalyInfo.extra;
    expect(info?.severity).toBe('WARNING');
  });

  it('skips deprecated features and those in a deprecated lifecycle stage', () => {
    const curated: Schema = {
      ...schema,
      feature: schema.feature.map((f) =>
        f.name === 'island'
          ? { ...f, lifecycleStage: 'DISABLED' }
          : f.name === 'sex'
            ? { ...f, deprecated: true }
            : f,
      ),
    };
    const stats = without('island');
    stats.features[3] = stringFeature('sex', { unknown: 344 });
    expect(validateStatistics(stats, curated).anomalyInfo).toEqual({});
  });

  it('reports a present-but-empty required feature as FEATURE_TYPE_NOT_PRESENT', () => {
    const stats = penguinsStats();
    stats.features[0] = stringFeature('species', {}, { missing: 344 });
    expect(validateStatistics(stats, schema).anomalyInfo.species?.reason).toEqual([
      {
        type: 'FEATURE_TYPE_NOT_PRESENT',
        shortDescription: 'Column dropped',
        description: 'The feature was not present in any examples.',
      },
    ]);
  });

  it('marks an empty dataset as data missing, with no feature anomalies', () => {
    const anomalies = validateStatistics(makeStats(0, []), schema);
    expect(anomalies.dataMissing).toBe(true);
    expect(anomalies.anomalyInfo).toEqual({});
  });

  it('checks dataset example counts', () => {
    const curated: Schema = {
      ...schema,
      datasetConstraints: { minExamplesCount: '1000', maxExamplesCount: '2000' },
    };
    const anomalies = validateStatistics(penguinsStats(), curated);
    expect(anomalies.datasetAnomalyInfo?.reason).toEqual([
      {
        type: 'DATASET_LOW_NUM_EXAMPLES',
        shortDescription: 'Low num examples in dataset.',
        description: 'The dataset has 344 examples, which is fewer than expected.',
      },
    ]);
    expect(
      validateStatistics(penguinsStats(), { ...curated, datasetConstraints: { minExamplesCount: '344' } })
        .datasetAnomalyInfo,
    ).toBeUndefined();
  });

  it('compares the example count with the previous span', () => {
    const curated: Schema = {
      ...schema,
      datasetConstraints: {
        numExamplesDriftComparator: { minFractionThreshold: 0.5, maxFractionThreshold: 1.5 },
      },
    };
    const previous = makeStats(1000, penguinsStats().features);
    const info = validateStatistics(penguinsStats(), curated, {
      previousStatistics: previous,
    }).datasetAnomalyInfo;
    expect(info?.reason).toEqual([
      {
        type: 'COMPARATOR_LOW_NUM_EXAMPLES',
        shortDescription: 'Low num examples in current dataset versus the previous span.',
        description:
          'The ratio of num examples in the current dataset versus the previous span is 0.344 (up to six significant digits), which is below the threshold 0.5.',
      },
    ]);
  });
});

describe('environments', () => {
  const envSchema: Schema = {
    ...schema,
    defaultEnvironment: ['TRAINING', 'SERVING'],
    feature: schema.feature.map((f) => (f.name === 'species' ? { ...f, notInEnvironment: ['SERVING'] } : f)),
  };

  it('does not require a label outside its environment', () => {
    const serving = without('species');
    expect(validateStatistics(serving, envSchema, { environment: 'SERVING' }).anomalyInfo).toEqual({});
    expect(
      validateStatistics(serving, envSchema, { environment: 'TRAINING' }).anomalyInfo.species?.reason[0]
        ?.type,
    ).toBe('SCHEMA_MISSING_COLUMN');
    // No environment: every feature is in.
    expect(validateStatistics(serving, envSchema).anomalyInfo.species).toBeDefined();
  });

  it('flags a feature found in an environment it is excluded from', () => {
    const info = validateStatistics(penguinsStats(), envSchema, { environment: 'SERVING' }).anomalyInfo
      .species;
    expect(info?.reason).toEqual([
      {
        type: 'SCHEMA_NEW_COLUMN',
        shortDescription: 'Column missing in environment',
        description: 'New column species found in data but not in the environment SERVING in the schema.',
      },
    ]);
  });

  it('inEnvironment wins over notInEnvironment and the defaults', () => {
    const only: Schema = {
      ...envSchema,
      defaultEnvironment: ['TRAINING', 'SERVING', 'EVAL'],
      feature: envSchema.feature.map((f) =>
        f.name === 'island' ? { ...f, inEnvironment: ['EVAL'], notInEnvironment: ['EVAL'] } : f,
      ),
    };
    expect(
      validateStatistics(without('island'), only, { environment: 'EVAL' }).anomalyInfo.island,
    ).toBeDefined();
  });

  it('rejects an environment the schema does not declare; an empty one means none', () => {
    expect(() => validateStatistics(penguinsStats(), envSchema, { environment: 'PROD' })).toThrow(
      expect.objectContaining({ code: 'BAD_CONFIG' }),
    );
    expect(validateStatistics(penguinsStats(), schema, { environment: '' }).anomalyInfo).toEqual({});
  });
});
