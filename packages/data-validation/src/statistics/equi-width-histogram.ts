import { type Bucket, bucketsFromQuantiles } from './quantiles-histogram.js';

export interface EquiWidthInput {
  /** The fine quantiles (TFDV: 1000 + 1) and the number of values ≤ each. */
  quantiles: readonly number[];
  cumulative: readonly number[];
  /** Smallest and largest finite values; ±Infinity (as TFDV's initial values) when there is none. */
  finiteMin: number;
  finiteMax: number;
  numBuckets: number;
  numPosInf: number;
}

/**
 * The STANDARD histogram, estimated from the quantiles as TFDV does (quantiles_util
 * generate_equi_width_histogram): `numBuckets` equal-width buckets between the finite min and max, each
 * collecting the fine quantile buckets it overlaps, a partly covered bucket contributing in proportion to the
 * overlap (values assumed uniform inside it). −Infinity and +Infinity values get point buckets of their own at
 * the ends. Counts are therefore interpolated, not exact counts of the values in each bucket.
 */
export function equiWidthHistogram(input: EquiWidthInput): Bucket[] {
  const { finiteMin, finiteMax, numBuckets } = input;
  if (!Number.isFinite(finiteMin) && !Number.isFinite(finiteMax)) {
    return [{ low: finiteMin, high: finiteMax, count: input.cumulative.at(-1) ?? 0 }];
  }
  const { quantiles, cumulative, numNegInf } = stripInfinities(input);
  const fine = bucketsFromQuantiles(quantiles, cumulative);
  const bounds = boundaries(finiteMin, finiteMax, numBuckets);
  if (!bounds.every(Number.isFinite)) return [];

  const result: Bucket[] = [];
  if (numNegInf > 0)
    result.push({ low: Number.NEGATIVE_INFINITY, high: Number.NEGATIVE_INFINITY, count: numNegInf });
  let start = 0;
  for (let i = 0; i + 1 < bounds.length; i++) {
    const low = bounds[i]!;
    const high = bounds[i + 1]!;
    let count = 0;
    for (let k = start; k < fine.length; k++) {
      const part = overlap(fine[k]!, low, high, i === 0);
      if (part === 'after') break;
      if (part === 'before') {
        start = k;
        continue;
      }
      count += part * fine[k]!.count;
    }
    result.push({ low, high, count });
  }
  if (input.numPosInf > 0) {
    result.push({ low: Number.POSITIVE_INFINITY, high: Number.POSITIVE_INFINITY, count: input.numPosInf });
  }
  return result;
}

/** numpy.linspace(min, max, n + 1): i·step + min, the last one exactly max. One bucket when min == max. */
function boundaries(min: number, max: number, numBuckets: number): number[] {
  if (min === max) return [min, max];
  const step = (max - min) / numBuckets;
  const bounds: number[] = [];
  for (let i = 0; i < numBuckets; i++) bounds.push(i * step + min);
  bounds.push(max);
  return bounds;
}

/**
 * Drops the quantiles at ±Infinity: the −Infinity mass is taken off every cumulative count, and the tail at
 * +Infinity is replaced by one boundary at the finite max holding the count of finite values.
 */
function stripInfinities(input: EquiWidthInput) {
  let quantiles = [...input.quantiles];
  let cumulative = [...input.cumulative];
  let numNegInf = 0;
  const negatives = quantiles.filter((q) => q === Number.NEGATIVE_INFINITY).length;
  if (negatives > 0) {
    numNegInf = cumulative[negatives - 1]!;
    quantiles = quantiles.slice(negatives);
    cumulative = cumulative.slice(negatives).map((c) => c - numNegInf);
  }
  if (input.numPosInf > 0) {
    let firstPosInf = quantiles.indexOf(Number.POSITIVE_INFINITY);
    if (firstPosInf < 0) firstPosInf = quantiles.length;
    const finiteCount = (cumulative.at(-1) ?? 0) - input.numPosInf;
    quantiles = [...quantiles.slice(0, firstPosInf), input.finiteMax];
    cumulative = [...cumulative.slice(0, firstPosInf), finiteCount];
  }
  return { quantiles, cumulative, numNegInf };
}

/**
 * The fraction of a fine bucket inside (low, high], or where it lies when outside. A point bucket on `low`
 * belongs to the previous interval, except on the first interval's lower edge (the minimum).
 */
function overlap(
  bucket: Bucket,
  low: number,
  high: number,
  firstInterval: boolean,
): number | 'before' | 'after' {
  if (bucket.low === bucket.high && bucket.low === low) return firstInterval ? 1 : 'before';
  if (bucket.high < low) return 'before';
  if (bucket.low > high) return 'after';
  if (low <= bucket.low && bucket.high <= high) return 1;
  const width = bucket.high - bucket.low;
  if (low <= bucket.low) return (high - bucket.low) / width;
  if (bucket.high <= high) return (bucket.high - low) / width;
  return (high - low) / width;
}
