import type { Anomalies, MeasurementType } from '@ctpipe/data-validation';

export interface SkewedFeature {
  feature: string;
  kind: MeasurementType;
  value: number;
  threshold: number;
}

const SHORT: Record<MeasurementType, string> = {
  JENSEN_SHANNON_DIVERGENCE: 'JSD',
  L_INFTY: 'L-infinity',
  NORMALIZED_ABSOLUTE_DIFFERENCE: 'normalized abs. difference',
};

/** Every skew measurement validateStatistics made that is above its threshold, worst first. */
export function skewedFeatures(anomalies: Anomalies): SkewedFeature[] {
  return (anomalies.driftSkewInfo ?? [])
    .flatMap((info) =>
      (info.skewMeasurements ?? [])
        .filter((m) => m.value > m.threshold)
        .map((m) => ({
          feature: info.path.step.join('.'),
          kind: m.type,
          value: m.value,
          threshold: m.threshold,
        })),
    )
    .sort((a, b) => b.value - b.threshold - (a.value - a.threshold));
}

/** "skew: Body Mass (g) JSD 0.62 > 0.1; species L-infinity 0.31 > 0.1 (412 logged instances)" */
export function skewReason(features: readonly SkewedFeature[], instances: number): string {
  const parts = features.map(
    (f) => `${f.feature} ${SHORT[f.kind]} ${round(f.value)} > ${round(f.threshold)}`,
  );
  return `skew: ${parts.join('; ')} (${instances} logged instances)`;
}

function round(n: number): string {
  return String(Number(n.toPrecision(2)));
}
