import type { Schema } from './schema.js';

/** tensorflow_metadata `anomalies.proto` (proto2) in JSON form. */

export type AnomalyType =
  | 'SCHEMA_MISSING_COLUMN'
  | 'SCHEMA_NEW_COLUMN'
  | 'ENUM_TYPE_UNEXPECTED_STRING_VALUES'
  | 'FEATURE_TYPE_LOW_FRACTION_PRESENT'
  | 'FEATURE_TYPE_LOW_NUMBER_PRESENT'
  | 'FEATURE_TYPE_LOW_NUMBER_VALUES'
  | 'FEATURE_TYPE_HIGH_NUMBER_VALUES'
  | 'FEATURE_TYPE_NOT_PRESENT'
  | 'INT_TYPE_BIG_INT'
  | 'INT_TYPE_SMALL_INT'
  | 'FLOAT_TYPE_BIG_FLOAT'
  | 'FLOAT_TYPE_SMALL_FLOAT'
  | 'FLOAT_TYPE_HAS_NAN'
  | 'FLOAT_TYPE_HAS_INF'
  | 'BOOL_TYPE_BIG_INT'
  | 'BOOL_TYPE_SMALL_INT'
  | 'BOOL_TYPE_UNEXPECTED_STRING'
  | 'BOOL_TYPE_UNEXPECTED_FLOAT'
  | 'INT_TYPE_NOT_INT_STRING'
  | 'FLOAT_TYPE_STRING_NOT_FLOAT'
  | 'INVALID_FEATURE_SHAPE'
  | 'UNEXPECTED_DATA_TYPE'
  | 'COMPARATOR_CONTROL_DATA_MISSING'
  | 'COMPARATOR_TREATMENT_DATA_MISSING'
  | 'COMPARATOR_L_INFTY_HIGH'
  | 'COMPARATOR_JENSEN_SHANNON_DIVERGENCE_HIGH'
  | 'COMPARATOR_NORMALIZED_ABSOLUTE_DIFFERENCE_HIGH'
  | 'COMPARATOR_LOW_NUM_EXAMPLES'
  | 'COMPARATOR_HIGH_NUM_EXAMPLES'
  | 'DATASET_LOW_NUM_EXAMPLES'
  | 'DATASET_HIGH_NUM_EXAMPLES'
  | 'MULTIPLE_REASONS'
  | 'UNKNOWN_TYPE';

export type Severity = 'UNKNOWN' | 'WARNING' | 'ERROR';

export interface AnomalyReason {
  type: AnomalyType;
  shortDescription: string;
  description: string;
}

export interface AnomalyInfo {
  path: { step: string[] };
  severity: Severity;
  description: string;
  shortDescription: string;
  reason: AnomalyReason[];
}

export type MeasurementType = 'L_INFTY' | 'JENSEN_SHANNON_DIVERGENCE' | 'NORMALIZED_ABSOLUTE_DIFFERENCE';

export interface DriftSkewMeasurement {
  type: MeasurementType;
  value: number;
  threshold: number;
}

export interface DriftSkewInfo {
  path: { step: string[] };
  driftMeasurements?: DriftSkewMeasurement[];
  skewMeasurements?: DriftSkewMeasurement[];
}

export interface Anomalies {
  baseline?: Schema;
  anomalyNameFormat: 'SERIALIZED_PATH';
  /** Keyed by the feature name (SERIALIZED_PATH of a one-step path). */
  anomalyInfo: Record<string, AnomalyInfo>;
  datasetAnomalyInfo?: AnomalyInfo;
  dataMissing?: boolean;
  driftSkewInfo?: DriftSkewInfo[];
}
