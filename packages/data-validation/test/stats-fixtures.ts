import type { DatasetFeatureStatistics, FeatureNameStatistics, Histogram } from '../src/types/statistics.js';

/** Hand-built statistics for tests: only what the validators read, with TFDV's shapes. */

export interface NumericOptions {
  type?: 'INT' | 'FLOAT';
  present: number;
  missing?: number;
  min: number;
  max: number;
  mean?: number;
  /** Values per example (min, max); default exactly one. */
  valueCounts?: [number, number];
  /** STANDARD histogram buckets as [low, high, count]; default one bucket [min, max] holding everything. */
  buckets?: [number, number, number][];
  quantiles?: [number, number, number][];
  numNan?: number;
}

export function numericFeature(name: string, o: NumericOptions): FeatureNameStatistics {
  const [minValues, maxValues] = o.valueCounts ?? [1, 1];
  const standard: Histogram = {
    type: 'STANDARD',
    numNan: String(o.numNan ?? 0),
    buckets: (o.buckets ?? [[o.min, o.max, o.present]]).map(([lowValue, highValue, sampleCount]) => ({
      lowValue,
      highValue,
      sampleCount,
    })),
  };
  const histograms: Histogram[] = [standard];
  if (o.quantiles) {
    histograms.push({
      type: 'QUANTILES',
      numNan: String(o.numNan ?? 0),
      buckets: o.quantiles.map(([lowValue, highValue, sampleCount]) => ({
        lowValue,
        highValue,
        sampleCount,
      })),
    });
  }
  return {
    path: { step: [name] },
    type: o.type ?? 'FLOAT',
    numStats: {
      commonStats: common(o.present, o.missing ?? 0, minValues, maxValues),
      mean: o.mean ?? (o.min + o.max) / 2,
      stdDev: 1,
      numZeros: '0',
      min: o.min,
      median: (o.min + o.max) / 2,
      max: o.max,
      histograms,
    },
  };
}

export interface StringOptions {
  missing?: number;
  valueCounts?: [number, number];
  /** Distinct values when the rank histogram is truncated. */
  unique?: number;
}

/** A STRING feature from value → count (one value per example unless valueCounts says otherwise). */
export function stringFeature(
  name: string,
  counts: Record<string, number>,
  o: StringOptions = {},
): FeatureNameStatistics {
  const entries = Object.entries(counts).sort(([va, a], [vb, b]) => b - a || (vb > va ? 1 : -1));
  const total = entries.reduce((s, [, c]) => s + c, 0);
  const [minValues, maxValues] = o.valueCounts ?? [1, 1];
  const present = Math.round(total / ((minValues + maxValues) / 2));
  return {
    path: { step: [name] },
    type: 'STRING',
    stringStats: {
      commonStats: { ...common(present, o.missing ?? 0, minValues, maxValues), totNumValues: String(total) },
      unique: String(o.unique ?? entries.length),
      topValues: entries.slice(0, 20).map(([value, frequency]) => ({ value, frequency })),
      avgLength: 5,
      rankHistogram: {
        buckets: entries.map(([label, sampleCount], i) => ({
          lowRank: String(i),
          highRank: String(i),
          label,
          sampleCount,
        })),
      },
    },
  };
}

function common(present: number, missing: number, minValues: number, maxValues: number) {
  return {
    numNonMissing: String(present),
    numMissing: String(missing),
    minNumValues: String(present === 0 ? 0 : minValues),
    maxNumValues: String(present === 0 ? 0 : maxValues),
    avgNumValues: present === 0 ? 0 : (minValues + maxValues) / 2,
    totNumValues: String(Math.round(present * ((minValues + maxValues) / 2))),
  };
}

export function makeStats(
  numExamples: number,
  features: FeatureNameStatistics[],
  name = 'train',
): DatasetFeatureStatistics {
  return { name, numExamples: String(numExamples), features };
}

/** Penguins (palmerpenguins, 344 rows): three categorical strings, numeric measures, one 0/1 flag. */
export function penguinsStats(name = 'train'): DatasetFeatureStatistics {
  return makeStats(
    344,
    [
      stringFeature('species', { Adelie: 152, Gentoo: 124, Chinstrap: 68 }),
      stringFeature('island', { Biscoe: 168, Dream: 124, Torgersen: 52 }),
      numericFeature('bill_length_mm', {
        present: 342,
        missing: 2,
        min: 32.1,
        max: 59.6,
        buckets: [
          [32.1, 37.6, 60],
          [37.6, 43.1, 110],
          [43.1, 48.6, 100],
          [48.6, 54.1, 62],
          [54.1, 59.6, 10],
        ],
      }),
      numericFeature('body_mass_g', { type: 'INT', present: 342, missing: 2, min: 2700, max: 6300 }),
      stringFeature('sex', { MALE: 168, FEMALE: 165 }, { missing: 11 }),
      numericFeature('year', { type: 'INT', present: 344, min: 2007, max: 2009 }),
      numericFeature('is_adult', { type: 'INT', present: 344, min: 0, max: 1 }),
    ],
    name,
  );
}
