import { describe, expect, it } from 'vitest';
import { numericFeature, penguinsStats, stringFeature } from '../../test/stats-fixtures.js';
import { withDefaultComparators } from '../comparators/default-comparators.js';
import { inferSchema } from '../schema/infer-schema.js';
import type { DatasetFeatureStatistics, FeatureNameStatistics } from '../types/statistics.js';
import { validateStatistics } from './validate-statistics.js';

const schema = withDefaultComparators(inferSchema(penguinsStats()));

function replace(stats: DatasetFeatureStatistics, feature: FeatureNameStatistics): DatasetFeatureStatistics {
  return {
    ...stats,
    features: stats.features.map((f) => (f.path.step[0] === feature.path.step[0] ? feature : f)),
  };
}

describe('drift', () => {
  it('records every comparison in driftSkewInfo with its threshold, and no anomaly for the same data', () => {
    const anomalies = validateStatistics(penguinsStats(), schema, {
      previousStatistics: penguinsStats('previous'),
    });
    expect(anomalies.anomalyInfo).toEqual({});
    expect(anomalies.driftSkewInfo?.map((d) => d.path.step[0])).toEqual(schema.feature.map((f) => f.name));
    expect(anomalies.driftSkewInfo?.[0]).toEqual({
      path: { step: ['species'] },
      driftMeasurements: [{ type: 'L_INFTY', value: 0, threshold: 0.1 }],
    });
    const bill = anomalies.driftSkewInfo?.find((d) => d.path.step[0] === 'bill_length_mm');
    expect(bill?.driftMeasurements).toEqual([
      { type: 'JENSEN_SHANNON_DIVERGENCE', value: 0, threshold: 0.1 },
    ]);
  });

  it('flags a categorical shift above the L-infinity threshold', () => {
    // Current vs previous shares: Adelie .4419 vs .5, Gentoo .3605 vs .3, Chinstrap .1977 vs .2 → Gentoo wins.
    const previous = replace(
      penguinsStats('previous'),
      stringFeature('species', { Adelie: 50, Gentoo: 30, Chinstrap: 20 }),
    );
    const strict = {
      ...schema,
      feature: schema.feature.map((f) =>
        f.name === 'species' ? { ...f, driftComparator: { infinityNorm: { threshold: 0.05 } } } : f,
      ),
    };
    const anomalies = validateStatistics(penguinsStats(), strict, { previousStatistics: previous });
    const value = 124 / 344 - 0.3;
    expect(anomalies.driftSkewInfo?.[0]?.driftMeasurements?.[0]?.value).toBeCloseTo(value, 12);
    expect(anomalies.anomalyInfo.species?.reason).toEqual([
      {
        type: 'COMPARATOR_L_INFTY_HIGH',
        shortDescription: 'High Linfty distance between current and previous',
        description:
          'The Linfty distance between current and previous is 0.0604651 (up to six significant digits), above the threshold 0.05. The feature value with maximum difference is: Gentoo',
      },
    ]);
  });

  it('flags a numeric shift above the JSD threshold', () => {
    const shifted = numericFeature('bill_length_mm', {
      present: 342,
      missing: 2,
      min: 48.6,
      max: 70,
      buckets: [
        [48.6, 54.1, 200],
        [54.1, 70, 142],
      ],
    });
    const anomalies = validateStatistics(replace(penguinsStats(), shifted), schema, {
      previousStatistics: penguinsStats('previous'),
    });
    const info = anomalies.anomalyInfo.bill_length_mm;
    expect(info?.reason[0]?.type).toBe('COMPARATOR_JENSEN_SHANNON_DIVERGENCE_HIGH');
    expect(info?.shortDescription).toBe(
      'High approximate Jensen-Shannon divergence between current and previous',
    );
    const measured = anomalies.driftSkewInfo?.find((d) => d.path.step[0] === 'bill_length_mm')
      ?.driftMeasurements?.[0];
    expect(measured?.value).toBeGreaterThan(0.5);
    expect(info?.description).toContain('above the threshold 0.1.');
  });

  it('compares nothing without thresholds, and nothing without a control dataset', () => {
    const bare = inferSchema(penguinsStats());
    expect(
      validateStatistics(penguinsStats(), bare, { previousStatistics: penguinsStats() }).driftSkewInfo,
    ).toBeUndefined();
    expect(validateStatistics(penguinsStats(), schema).driftSkewInfo).toBeUndefined();
  });
});

describe('skew', () => {
  it('compares training with serving under skewComparator and reports a feature missing from serving', () => {
    const serving = {
      ...penguinsStats('serving'),
      features: penguinsStats().features.filter((f) => f.path.step[0] !== 'sex'),
    };
    const anomalies = validateStatistics(penguinsStats(), schema, { servingStatistics: serving });
    expect(anomalies.anomalyInfo.sex?.reason).toEqual([
      {
        type: 'COMPARATOR_CONTROL_DATA_MISSING',
        shortDescription: 'serving data missing',
        description: 'serving data is missing.',
      },
    ]);
    expect(anomalies.driftSkewInfo?.[0]).toEqual({
      path: { step: ['species'] },
      skewMeasurements: [{ type: 'L_INFTY', value: 0, threshold: 0.1 }],
    });
  });

  it('uses training/serving wording and keeps drift and skew apart', () => {
    const serving = replace(
      penguinsStats('serving'),
      stringFeature('island', { Biscoe: 10, Dream: 10, Torgersen: 80 }),
    );
    const anomalies = validateStatistics(penguinsStats(), schema, {
      servingStatistics: serving,
      previousStatistics: penguinsStats(),
    });
    expect(anomalies.anomalyInfo.island?.shortDescription).toBe(
      'High Linfty distance between training and serving',
    );
    const island = anomalies.driftSkewInfo?.find((d) => d.path.step[0] === 'island');
    expect(island?.driftMeasurements?.[0]?.value).toBe(0);
    expect(island?.skewMeasurements?.[0]?.value).toBeCloseTo(0.8 - 52 / 344, 12);
  });
});
