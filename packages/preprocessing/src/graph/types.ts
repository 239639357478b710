import type { RawFeature } from '../spec/check-columns.js';
import type { PreprocessingSpec } from '../spec/types.js';

/** Constants a numeric step computed on the analyzed split, aligned with the spec's steps (log1p, clip: none). */
export interface StepValues {
  /** fillMissing: the value put in place of a missing one. */
  value?: number;
  /** zScore: mean and population standard deviation. */
  mean?: number;
  std?: number;
  /** scaleMinMax: the analyzed range. */
  min?: number;
  max?: number;
}

export interface ChainValues {
  steps: StepValues[];
}

export interface BucketizeValues extends ChainValues {
  /** Sorted, distinct; bucket i holds (boundaries[i−1], boundaries[i]]. */
  boundaries: number[];
}

export interface VocabularyValues {
  /** The fill value for a missing string (fill strategy mostFrequent or constant). */
  fill?: string;
  vocabulary: string[];
  /** Count of each vocabulary entry in the analyzed split. */
  counts: number[];
}

export interface CrossValues {
  /** Per input: the bucketize constants, or null for a string column. */
  inputs: [BucketizeValues | null, BucketizeValues | null];
  /** Present for a vocabulary cross. */
  vocabulary?: string[];
  counts?: number[];
}

export type FeatureValues = ChainValues | BucketizeValues | VocabularyValues | CrossValues;

export type LabelValues = { classes: string[] } | { offset: number; factor: number };

export interface GraphAnalyzers {
  /** Rows of the analyzed split. */
  rowCount: number;
  features: Record<string, FeatureValues>;
  label?: LabelValues;
}

export interface OutputFeature {
  name: string;
  /** dense: `width` float columns; index: one integer column named `name`, values in [0, vocabularySize). */
  kind: 'dense' | 'index';
  width: number;
  vocabularySize?: number;
}

export type OutputLabel =
  | { column: 'label'; kind: 'classification'; vocabulary: string[] }
  | {
      column: 'label';
      kind: 'regression';
      /** The model learns (value − offset) × factor: a prediction p means p / factor + offset. */
      scale?: { offset: number; factor: number };
    };

export interface GraphOutputs {
  features: OutputFeature[];
  /** One per dense dimension, in order: `name` for a numeric feature, `name_0` … `name_{w−1}` for a one-hot. */
  featureColumns: string[];
  label?: OutputLabel;
}

/** The spec plus every analyzer's computed values: everything apply needs, as versioned JSON. */
export interface TransformGraph {
  version: 1;
  spec: PreprocessingSpec;
  analyzers: GraphAnalyzers;
  outputs: GraphOutputs;
  /** The raw input signature (serving's instances): feature columns only, not the label. */
  rawFeatures: RawFeature[];
}
