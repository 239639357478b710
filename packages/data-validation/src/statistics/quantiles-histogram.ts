/** A histogram bucket as plain numbers; encoding to proto3 JSON happens at the end. */
export interface Bucket {
  low: number;
  high: number;
  count: number;
}

/**
 * Buckets between consecutive quantile boundaries, weighted by the differences of the cumulative counts,
 * as TFDV's quantiles_util does it. Repeated boundaries (a value spanning several quantiles) give buckets that
 * share an upper bound; they split their mass evenly. The mass at the first boundary (the values equal to the
 * minimum) goes evenly to the leading buckets identical to the first one.
 */
export function bucketsFromQuantiles(boundaries: readonly number[], cumulative: readonly number[]): Bucket[] {
  const size = boundaries.length - 1;
  if (size <= 0) return [];
  const buckets: Bucket[] = [];
  for (let i = 0; i < size; i++) {
    buckets.push({
      low: boundaries[i]!,
      high: boundaries[i + 1]!,
      count: cumulative[i + 1]! - cumulative[i]!,
    });
  }
  for (let i = 0; i < size; ) {
    let j = i + 1;
    while (j < size && buckets[j]!.high === buckets[i]!.high) j++;
    if (j - i > 1) {
      let total = 0;
      for (let k = i; k < j; k++) total += buckets[k]!.count;
      for (let k = i; k < j; k++) buckets[k]!.count = total / (j - i);
    }
    i = j;
  }
  const first = buckets[0]!;
  let leading = 0;
  while (leading < size && buckets[leading]!.low === first.low && buckets[leading]!.high === first.high)
    leading++;
  for (let k = 0; k < leading; k++) buckets[k]!.count += cumulative[0]! / leading;
  return buckets;
}

/**
 * The QUANTILES histogram: every `factor`-th of the fine quantiles (TFDV queries 100 × 10 and keeps every
 * 100th), so `numBuckets` buckets of about equal count.
 */
export function quantilesHistogram(
  quantiles: readonly number[],
  cumulative: readonly number[],
  factor: number,
): Bucket[] {
  const boundaries: number[] = [];
  const counts: number[] = [];
  for (let i = 0; i < quantiles.length; i += factor) {
    boundaries.push(quantiles[i]!);
    counts.push(cumulative[i]!);
  }
  return bucketsFromQuantiles(boundaries, counts);
}

/** TFDV's median: the middle quantile (the mean of the two middle ones for an even count). */
export function medianOfQuantiles(quantiles: readonly number[]): number {
  const middle = Math.floor(quantiles.length / 2);
  return quantiles.length % 2 === 0 ? (quantiles[middle - 1]! + quantiles[middle]!) / 2 : quantiles[middle]!;
}
