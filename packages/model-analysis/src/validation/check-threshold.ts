import type { MetricThreshold } from '../types/eval-config.js';
import { formatNumber as f } from './format-number.js';

/** Why the value breaks the value threshold, or undefined when it passes (lower ≤ value ≤ upper). */
export function valueViolation(
  value: number,
  threshold: NonNullable<MetricThreshold['valueThreshold']>,
): string | undefined {
  const { lowerBound, upperBound } = threshold;
  if (lowerBound !== undefined && !(value >= lowerBound)) return `below the lower bound ${f(lowerBound)}`;
  if (upperBound !== undefined && !(value <= upperBound)) return `above the upper bound ${f(upperBound)}`;
  return undefined;
}

/**
 * Why the candidate breaks the change threshold, or undefined when it passes. TFMA's rule on d = candidate −
 * baseline: HIGHER_IS_BETTER passes iff d ≥ absolute and d / baseline ≥ relative; LOWER_IS_BETTER iff d ≤ absolute
 * and d / baseline ≤ relative. A relative bound against a baseline of 0 fails: the ratio is undefined.
 */
export function changeViolation(
  value: number,
  baseline: number,
  threshold: NonNullable<MetricThreshold['changeThreshold']>,
): string | undefined {
  const d = value - baseline;
  const higher = threshold.direction === 'HIGHER_IS_BETTER';
  const { absolute, relative } = threshold;
  if (absolute !== undefined && !(higher ? d >= absolute : d <= absolute)) {
    return `change ${signed(d)} is ${higher ? 'below' : 'above'} the absolute bound ${signed(absolute)} (${threshold.direction})`;
  }
  if (relative !== undefined) {
    // TFMA tests math.isclose(baseline, 0.0), which with its default tolerances holds only for exactly 0.
    const ratio = baseline === 0 ? Number.NaN : d / baseline;
    if (Number.isNaN(ratio)) return `relative change is undefined against a baseline of ${f(baseline)}`;
    if (!(higher ? ratio >= relative : ratio <= relative)) {
      return (
        `relative change ${signed(ratio)} (${signed(ratio * 100)}%) is ${higher ? 'below' : 'above'} ` +
        `the relative bound ${signed(relative)} (${threshold.direction})`
      );
    }
  }
  return undefined;
}

function signed(x: number): string {
  return x > 0 ? `+${f(x)}` : f(x);
}
