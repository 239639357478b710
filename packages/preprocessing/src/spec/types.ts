/**
 * The preprocessing spec: TFT's `preprocessing_fn` as data. Plain JSON (builders in `builders/` make it), so it
 * is stored inside the TransformGraph and checked when a module or a graph file is loaded.
 */

/** A step on a numeric value. Steps run in order; a step's analyzer sees the output of the steps before it. */
export type NumericStep =
  | FillMissingStep
  | { op: 'log1p' }
  | { op: 'clip'; min?: number; max?: number }
  | { op: 'zScore' }
  | { op: 'scaleMinMax'; outputMin: number; outputMax: number };

export type FillMissingStep =
  | { op: 'fillMissing'; strategy: 'mean' | 'median' | 'mostFrequent' }
  | { op: 'fillMissing'; strategy: 'constant'; value: number };

export type NumericOp = NumericStep['op'];

/** A dense number: a raw numeric column through its steps (width 1). */
export interface NumericFeature {
  type: 'numeric';
  column: string;
  steps: NumericStep[];
}

export type StringFill = { strategy: 'mostFrequent' } | { strategy: 'constant'; value: string };

/** Vocabulary options shared by `vocabulary` and vocabulary crosses (TFT's compute_and_apply_vocabulary). */
export interface VocabularyOptions {
  /** Keep the k most frequent values (ties broken by value); absent = all. */
  topK?: number;
  /** Drop values seen fewer times than this in the analyzed split. */
  frequencyThreshold: number;
  /** Unknown values hash into this many extra indices; 0 = an unknown value has no index (one-hot of zeros). */
  oovBuckets: number;
}

/** A string column → index into its vocabulary of the analyzed split, ordered by frequency then value. */
export interface VocabularySource extends VocabularyOptions {
  type: 'vocabulary';
  column: string;
  fill?: StringFill;
}

/** A numeric column → index of its quantile bucket (`buckets` at most; equal boundaries are merged). */
export interface BucketizeSource {
  type: 'bucketize';
  column: string;
  buckets: number;
  steps: NumericStep[];
}

/** One side of a cross: a raw string column (missing = '') or a bucketized number (its bucket index). */
export type CrossInput = { type: 'column'; column: string } | BucketizeSource;

/** The cross of two categorical values, `a_X_b`: hashed into buckets, or through a vocabulary. */
export interface CrossSource {
  type: 'cross';
  inputs: [CrossInput, CrossInput];
  encoding: CrossEncoding;
}

export type CrossEncoding = { type: 'hash'; buckets: number } | ({ type: 'vocabulary' } & VocabularyOptions);

export type CategoricalSource = VocabularySource | BucketizeSource | CrossSource;

/** A categorical source as dense 0/1 columns, or as one integer index for an embedding. */
export interface OneHotFeature {
  type: 'oneHot';
  source: CategoricalSource;
}

export interface IndexFeature {
  type: 'index';
  source: CategoricalSource;
}

export type FeatureSpec = NumericFeature | OneHotFeature | IndexFeature;

export type LabelSpec =
  | {
      type: 'classification';
      column: string;
      /** Class names in index order; absent = the distinct values of the analyzed split, sorted. */
      classes?: string[];
    }
  | {
      type: 'regression';
      column: string;
      /** The model learns (value − offset) × factor; serving maps predictions back. */
      scale: 'none' | 'zScore' | 'minMax';
    };

export interface PreprocessingSpec {
  /** Output feature name (an identifier) → how it is made; the order here is the order of the outputs. */
  features: Record<string, FeatureSpec>;
  label?: LabelSpec;
}

export type RawType = 'number' | 'string';
