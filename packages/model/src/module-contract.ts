import type { OutputFeature } from '@ctpipe/preprocessing';
import type * as tfjs from '@tensorflow/tfjs';

/** The tf.js namespace handed to model modules, so they build on the backend ctpipe selected. */
export type Tf = typeof tfjs;

export type HpValue = number | string | boolean;
/** One trial's hyperparameter values, by name (Keras Tuner's `hp.values`). */
export type HpValues = Readonly<Record<string, HpValue>>;

/**
 * The part of Keras Tuner's HyperParameters a search space is declared with; @ctpipe/tuner's builder
 * satisfies it, so model modules need not depend on the tuner.
 */
export interface SearchSpaceBuilder {
  Int(name: string, minValue: number, maxValue: number, options?: NumericHpOptions): unknown;
  Float(name: string, minValue: number, maxValue: number, options?: NumericHpOptions): unknown;
  Choice(
    name: string,
    values: readonly HpValue[],
    options?: HpOptions & { ordered?: boolean; default?: HpValue },
  ): unknown;
  Boolean(name: string, options?: HpOptions & { default?: boolean }): unknown;
  Fixed(name: string, value: HpValue, options?: HpOptions): unknown;
}

/** Keras Tuner's conditional scopes: active only while `parentName` has one of `parentValues`. */
export interface HpOptions {
  parentName?: string;
  parentValues?: HpValue[];
}

export interface NumericHpOptions extends HpOptions {
  step?: number | null;
  sampling?: 'linear' | 'log' | 'reverse_log';
  default?: number;
}

export type Task =
  | { kind: 'classification'; classes: number; labels: readonly string[] }
  | { kind: 'regression' };

/** What a model is built for: the transformed features (from the TransformGraph's outputs) and the label. */
export interface ModelShape {
  /** Width of the dense feature matrix (the graph's featureColumns). */
  featureCount: number;
  /** Every output feature: `dense` ones fill the matrix, `index` ones arrive as ids (for embeddings). */
  features: readonly OutputFeature[];
  task: Task;
}

export type MetricName = 'loss' | 'accuracy' | 'mae' | 'val_loss' | 'val_accuracy' | 'val_mae';

export interface Objective {
  name: MetricName;
  direction: 'min' | 'max';
}

export interface TrainingConfig {
  /** Epochs of the final training; tuning trials use the train component's `epochs` or Hyperband's budget. */
  epochs: number;
  batchSize: number;
  /** Epochs without improvement of the objective before stopping (0 = never stop early). */
  earlyStoppingPatience: number;
}

/**
 * What an ML engineer writes (TFX's module_file with `tuner_fn` and `run_fn`, Keras style).
 *
 * `buildModel` returns a tf.js LayersModel whose output is class probabilities (softmax, width
 * `shape.task.classes`) or one value (regression). Compile it to choose the optimizer and learning rate;
 * the loss follows the task: sparse categorical cross-entropy, or mean squared error.
 * With a single input of width `featureCount` the model receives the dense feature matrix; to use index
 * features too, give it the inputs of `modelInputs(shape)` in that order (`inputLayers()` builds them).
 */
export interface ModelModule {
  searchSpace(hp: SearchSpaceBuilder): void;
  buildModel(hp: HpValues, shape: ModelShape, tf: Tf): tfjs.LayersModel;
  objective: Objective;
  training: TrainingConfig;
}
