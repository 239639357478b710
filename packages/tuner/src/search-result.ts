import type { HpValue } from './hyperparameter.js';
import type { HyperParameters } from './hyperparameters.js';
import type { TrialRecord } from './trial.js';

export interface SearchResult {
  best: { trialId: string; values: Record<string, HpValue>; score: number };
  /** Every trial, in trial-id order. */
  trials: TrialRecord[];
  /** The space with the best values: `.getConfig()` is TFX's best_hyperparameters.txt. */
  bestHyperParameters: HyperParameters;
}

/** TFX's experimental `tuner_results.json`: one row per completed trial, hyperparameter values inlined. */
export function tunerResults(trials: readonly TrialRecord[]): Record<string, HpValue | number>[] {
  return trials
    .filter((t) => t.status === 'COMPLETED')
    .map((t) => ({ trial_id: t.trialId, score: t.score!, ...t.values }));
}
