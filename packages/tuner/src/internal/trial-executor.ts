import type { Trial, TrialFunction, TrialResult } from '../trial.js';

export type EpochListener = (epoch: number, logs: Record<string, number>) => void;

/** Runs one trial at a time per slot; the scheduler never starts more than `parallelism` at once. */
export interface TrialExecutor {
  /** Rejects when the trial throws or its process dies. */
  run(trial: Trial, onEpoch: EpochListener): Promise<TrialResult>;
  close(): Promise<void>;
}

export function inProcessExecutor(fn: TrialFunction): TrialExecutor {
  return {
    run: async (trial, onEpoch) => fn(trial, { args: null, reportEpoch: onEpoch }),
    close: async () => {},
  };
}
