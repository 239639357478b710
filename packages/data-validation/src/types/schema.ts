import type { Int64String } from './statistics.js';

/**
 * tensorflow_metadata `schema.proto` (proto2) in its JSON form: lowerCamelCase keys, enums by name,
 * int64 as strings. Schema feature types differ from statistics types: a STRING statistic is a BYTES feature.
 */

export type SchemaFeatureType = 'TYPE_UNKNOWN' | 'BYTES' | 'INT' | 'FLOAT' | 'STRUCT';

export type LifecycleStage =
  | 'UNKNOWN_STAGE'
  | 'PLANNED'
  | 'ALPHA'
  | 'BETA'
  | 'PRODUCTION'
  | 'DEPRECATED'
  | 'DEBUG_ONLY'
  | 'DISABLED'
  | 'VALIDATION_DERIVED';

export interface Schema {
  feature: Feature[];
  stringDomain?: StringDomain[];
  defaultEnvironment?: string[];
  datasetConstraints?: {
    numExamplesDriftComparator?: { minFractionThreshold?: number; maxFractionThreshold?: number };
    minExamplesCount?: Int64String;
    maxExamplesCount?: Int64String;
  };
}

export interface StringDomain {
  name: string;
  value: string[];
  isCategorical?: 'CATEGORICAL_UNSPECIFIED' | 'CATEGORICAL_YES' | 'CATEGORICAL_NO';
}

export interface FeatureComparator {
  infinityNorm?: { threshold: number };
  jensenShannonDivergence?: { threshold: number; source?: { type: 'DEFAULT' | 'QUANTILES' | 'STANDARD' } };
  normalizedAbsDifference?: { threshold: number };
}

export interface Feature {
  name: string;
  /** Deprecated in favour of lifecycleStage, but TFDV still honours it: true = not validated. */
  deprecated?: boolean;
  type: SchemaFeatureType;
  presence?: { minFraction?: number; minCount?: Int64String };
  shape?: { dim: { size: Int64String; name?: string }[] };
  valueCount?: { min?: Int64String; max?: Int64String };
  /** Reference to a top-level stringDomain by name (TFDV's inferred form). */
  domain?: string;
  stringDomain?: StringDomain;
  intDomain?: { name?: string; min?: Int64String; max?: Int64String; isCategorical?: boolean };
  floatDomain?: { name?: string; min?: number; max?: number; disallowNan?: boolean; disallowInf?: boolean };
  boolDomain?: { name?: string; trueValue?: string; falseValue?: string };
  distributionConstraints?: { minDomainMass?: number };
  skewComparator?: FeatureComparator;
  driftComparator?: FeatureComparator;
  inEnvironment?: string[];
  notInEnvironment?: string[];
  lifecycleStage?: LifecycleStage;
  annotation?: { tag?: string[]; comment?: string[] };
}
