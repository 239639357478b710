import { checkEvalConfig } from '../config/check-eval-config.js';
import { sliceKeyId, sliceKeyToString } from '../slicing/slice-key.js';
import { slicingSpecId, specFeatures } from '../slicing/slicing-spec-id.js';
import type { EvalConfig, MetricThreshold, SlicingSpec } from '../types/eval-config.js';
import type { SlicedMetrics, SliceKey, SliceMetrics } from '../types/sliced-metrics.js';
import type { ValidationFailure, ValidationResult } from '../types/validation-result.js';
import { changeViolation, valueViolation } from './check-threshold.js';
import { formatNumber as f } from './format-number.js';

interface ThresholdCheck {
  spec: SlicingSpec;
  metric: string;
  threshold: MetricThreshold;
}

/**
 * TFMA's metrics validation. `thresholds` apply to the overall slice, `perSliceThresholds` to every slice of
 * their spec that has examples (slices left out by minSliceSize are not checked). Without a baseline change
 * thresholds are skipped and `rubberStamp` is set (TFX's first-run rule). Failures are data, never exceptions;
 * only a malformed config throws.
 */
export function validateMetrics(
  candidate: SlicedMetrics,
  baseline: SlicedMetrics | undefined,
  config: EvalConfig,
): ValidationResult {
  checkEvalConfig(config);
  const rubberStamp = baseline === undefined;
  const checks: ThresholdCheck[] = [
    ...Object.entries(config.thresholds ?? {}).map(([metric, threshold]) => ({
      spec: {},
      metric,
      threshold,
    })),
    ...(config.perSliceThresholds ?? []).map((t) => ({
      spec: t.slicingSpec,
      metric: t.metric,
      threshold: t.threshold,
    })),
  ];
  const notes: string[] = [];
  if (checks.length === 0) {
    // TFMA: nothing to check means OK only on the first run, so later models are not blessed by accident.
    notes.push(
      rubberStamp
        ? 'No thresholds configured and no baseline: validation passes by rubber stamp.'
        : 'No thresholds configured: nothing shows the candidate is as good as the baseline, so validation fails.',
    );
    return { validationOk: rubberStamp, rubberStamp, failures: [], missingSlices: [], notes };
  }
  const baselineSlices = new Map((baseline?.slices ?? []).map((s) => [sliceId(s), s]));
  const failures: ValidationFailure[] = [];
  const missing = new Map<string, SliceKey>();
  let skippedChanges = 0;
  for (const check of checks) {
    const id = slicingSpecId(check.spec);
    const slices = candidate.slices.filter((s) => slicingSpecId(s.slicingSpec) === id && s.exampleCount > 0);
    if (slices.length === 0) {
      const key = missingSliceKey(check.spec);
      missing.set(sliceKeyId(key), key);
      failures.push({
        slice: key,
        metric: check.metric,
        value: undefined,
        threshold: check.threshold,
        message: `Slice ${sliceKeyToString(key)} has no examples: ${check.metric} cannot be checked.`,
      });
      continue;
    }
    for (const slice of slices) {
      const base = baseline ? baselineSlices.get(sliceId(slice)) : undefined;
      if (rubberStamp && check.threshold.changeThreshold) skippedChanges++;
      failures.push(...checkSlice(slice, base, rubberStamp, check));
    }
  }
  if (rubberStamp) {
    notes.push(
      skippedChanges > 0
        ? `No baseline model (rubber stamp): ${skippedChanges} change threshold check(s) skipped.`
        : 'No baseline model (rubber stamp): no change thresholds to skip.',
    );
  }
  const missingSlices = [...missing.values()];
  return {
    validationOk: failures.length === 0 && missingSlices.length === 0,
    rubberStamp,
    failures,
    missingSlices,
    notes,
  };
}

function checkSlice(
  slice: SliceMetrics,
  base: SliceMetrics | undefined,
  rubberStamp: boolean,
  { metric, threshold }: ThresholdCheck,
): ValidationFailure[] {
  const where = `${metric} on slice ${sliceKeyToString(slice.slice)}`;
  const value = slice.metrics[metric];
  const baseValue = base?.metrics[metric];
  const failure = (message: string): ValidationFailure => ({
    slice: slice.slice,
    metric,
    value,
    ...(baseValue === undefined ? {} : { baseline: baseValue }),
    threshold,
    message,
  });
  if (value === undefined) return [failure(`Metric not found: ${where} was not computed.`)];
  const out: ValidationFailure[] = [];
  const vs = baseValue === undefined ? '' : ` vs baseline ${f(baseValue)}`;
  if (threshold.valueThreshold) {
    const why = valueViolation(value, threshold.valueThreshold);
    if (why) out.push(failure(`${where} is ${f(value)}${vs}: ${why}.`));
  }
  if (threshold.changeThreshold && !rubberStamp) {
    if (baseValue === undefined) {
      out.push(failure(`${where} is ${f(value)} but the baseline has no value for it to compare with.`));
    } else {
      const why = changeViolation(value, baseValue, threshold.changeThreshold);
      if (why) out.push(failure(`${where} is ${f(value)}${vs}: ${why}.`));
    }
  }
  return out;
}

function sliceId(slice: SliceMetrics): string {
  return `${slicingSpecId(slice.slicingSpec)}\u0000${sliceKeyId(slice.slice)}`;
}

/** Overall is {}; a spec with values names them; otherwise each feature reads '*' (any value). */
function missingSliceKey(spec: SlicingSpec): SliceKey {
  const values = spec.featureValues ?? {};
  return Object.fromEntries(specFeatures(spec).map((name) => [name, values[name] ?? '*']));
}
