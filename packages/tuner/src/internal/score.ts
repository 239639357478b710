import type { Objective } from '../objective.js';
import type { TrialResult } from '../trial.js';

/**
 * The trial's score: the reported one, else the best epoch of the objective metric (Keras
 * `MetricsTracker.get_best_value`). Throws when there is none or it is not finite, which fails the trial.
 */
export function scoreOf(result: TrialResult, objective: Objective): number {
  if (typeof result !== 'object' || result === null) throw new Error('trial returned no result object');
  let score = result.score;
  if (score === undefined) {
    const history = result.metrics?.[objective.name];
    if (!history || history.length === 0) {
      const found = Object.keys(result.metrics ?? {}).join(', ') || 'none';
      throw new Error(`trial reported neither a score nor metric "${objective.name}" (metrics: ${found})`);
    }
    score = objective.direction === 'max' ? Math.max(...history) : Math.min(...history);
  }
  if (typeof score !== 'number' || !Number.isFinite(score))
    throw new Error(`trial score is not a finite number: ${score}`);
  return score;
}
