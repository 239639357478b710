import type { HpValue } from './hyperparameter.js';

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };

/** What one trial trains with. */
export interface Trial {
  /** Keras-style id: the trial index zero-padded ("00", "01", … for 10 trials). */
  id: string;
  /** Hyperparameter values; Hyperband adds tuner/epochs, tuner/initial_epoch, tuner/bracket, tuner/round. */
  values: Record<string, HpValue>;
  /** Seed for the trial's own randomness (weights, shuffling): a hash of the search seed and trial index. */
  seed: number;
  /** Hyperband: train until this cumulative epoch (tuner/epochs). */
  epochs?: number;
  /** Hyperband: the epoch to start from (tuner/initial_epoch); > 0 means continue `warmStartFrom`'s model. */
  initialEpoch?: number;
  /** Hyperband: the trial whose saved weights to load before training (tuner/trial_id). */
  warmStartFrom?: string;
}

/** What a trial reports. */
export interface TrialResult {
  /**
   * The objective value. When omitted, the best value (per the objective's direction) of
   * `metrics[objective.name]` is used, as Keras Tuner scores a trial by its best epoch.
   */
  score?: number;
  /** Per-epoch history, e.g. { loss: [...], val_accuracy: [...] }. */
  metrics: Record<string, number[]>;
}

export interface TrialContext {
  /** The worker spec's `args` (null for in-process functions). */
  args: JsonValue;
  /** Forwards an epoch's logs to the search's onEvent as an `epoch` event. */
  reportEpoch(epoch: number, logs: Record<string, number>): void;
}

/** Trains and evaluates one trial. In a worker module it is the named export (default `runTrial`). */
export type TrialFunction = (trial: Trial, context: TrialContext) => Promise<TrialResult>;

/**
 * Runs trials in a pool of child processes (one per parallel slot, reused across trials): each child
 * imports `module` (an absolute path or file: URL of an ES module, already JavaScript) and calls its export.
 * A child's stdout is forwarded to this process's stderr, keeping stdout free for progress output.
 */
export interface TrialWorker {
  module: string;
  /** The export to call; default "runTrial". */
  export?: string;
  /** Passed to every call as `context.args` (e.g. data paths, the model config). */
  args?: JsonValue;
  /** Node options for the children, e.g. ["--max-old-space-size=2048"]. */
  execArgv?: string[];
}

export type TrialRunner = TrialFunction | TrialWorker;

export type TrialStatus = 'COMPLETED' | 'FAILED';

export interface TrialRecord {
  trialId: string;
  values: Record<string, HpValue>;
  seed: number;
  status: TrialStatus;
  /** null when the trial failed. */
  score: number | null;
  metrics: Record<string, number[]>;
  /** Why the trial failed (the error's stack or the process's exit). */
  error?: string;
  durationMs: number;
}

export type SearchEvent =
  | { type: 'trial-start'; trialId: string; values: Record<string, HpValue>; n: number; total: number }
  | { type: 'epoch'; trialId: string; epoch: number; logs: Record<string, number> }
  | {
      type: 'trial-end';
      trialId: string;
      score: number | null;
      durationMs: number;
      status: TrialStatus;
      error?: string;
    };
