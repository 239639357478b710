import { performance } from 'node:perf_hooks';
import { CtpipeError } from '@ctpipe/errors';
import type { HpValue } from './hyperparameter.js';
import type { HyperParameters } from './hyperparameters.js';
import { createOracle, oracleMaxTrials } from './internal/create-oracle.js';
import type { OracleView } from './internal/oracle.js';
import { processPoolExecutor } from './internal/process-pool.js';
import { scoreOf } from './internal/score.js';
import { inProcessExecutor, type TrialExecutor } from './internal/trial-executor.js';
import { trialId, trialSeed } from './internal/trial-identity.js';
import { isBetter, type Objective, toObjective } from './objective.js';
import type { OracleSpec } from './oracle-spec.js';
import type { SearchResult } from './search-result.js';
import type { SearchEvent, Trial, TrialRecord, TrialRunner } from './trial.js';

export interface SearchOptions {
  space: HyperParameters;
  oracle: OracleSpec;
  /** A metric name (direction inferred as Keras Tuner does) or { name, direction }. */
  objective: string | Objective;
  seed: number;
  /** Trials run at once (worker processes for a TrialWorker). */
  parallelism: number;
  trial: TrialRunner;
  /** Caps the oracle's own budget (Hyperband has none besides its brackets). */
  maxTrials?: number;
  /** Keras Tuner's max_consecutive_failed_trials: that many failures in a row (by trial id) end the search. */
  maxConsecutiveFailedTrials?: number;
  onEvent?: (event: SearchEvent) => void;
}

function positiveInt(value: number, option: string): number {
  if (!Number.isInteger(value) || value < 1) {
    throw new CtpipeError('BAD_CONFIG', `${option} must be an integer >= 1`, {
      details: { option, expected: 'an integer >= 1', found: String(value) },
    });
  }
  return value;
}

function longestFailureRun(records: readonly (TrialRecord | undefined)[], upTo: number): number {
  let longest = 0;
  let run = 0;
  for (let i = 0; i < upTo; i++) {
    run = records[i]?.status === 'FAILED' ? run + 1 : 0;
    longest = Math.max(longest, run);
  }
  return longest;
}

/**
 * Runs a hyperparameter search. Reproducible: for a given seed and parallelism, trials, their values and
 * the best score do not depend on timing. The proposal for trial n sees the results of trials
 * 0..n−parallelism only (the ones between are pending: their values are known, their results not), waiting
 * for that prefix if needed; with parallelism 1 every proposal sees every earlier result, as in Keras Tuner.
 * Random search ignores results, so it proposes the same trials at any parallelism.
 */
export async function runSearch(options: SearchOptions): Promise<SearchResult> {
  const objective = toObjective(options.objective);
  const parallelism = positiveInt(options.parallelism, 'parallelism');
  const maxFailures = positiveInt(options.maxConsecutiveFailedTrials ?? 3, 'maxConsecutiveFailedTrials');
  const { space, seed } = options;
  if (!Number.isSafeInteger(seed)) {
    throw new CtpipeError('BAD_CONFIG', 'the search seed must be an integer', {
      details: { option: 'seed', expected: 'a safe integer', found: String(seed) },
    });
  }
  const oracle = createOracle(options.oracle, { space: space.space, objective, seed });
  const total = Math.min(
    oracle.plannedTrials,
    positiveInt(options.maxTrials ?? oracle.plannedTrials, 'maxTrials'),
  );
  const idLimit = options.maxTrials ?? oracleMaxTrials(options.oracle);

  let eventError: unknown;
  const emit = (event: SearchEvent) => {
    try {
      options.onEvent?.(event);
    } catch (err) {
      eventError ??= err;
    }
  };

  const executor: TrialExecutor =
    typeof options.trial === 'function'
      ? inProcessExecutor(options.trial)
      : processPoolExecutor(options.trial);
  const trials: Trial[] = [];
  const records: (TrialRecord | undefined)[] = [];
  const finished: number[] = [];
  let wake: (() => void) | null = null;

  const launch = (index: number, values: Record<string, HpValue>) => {
    const trial: Trial = { id: trialId(index, idLimit), values, seed: trialSeed(seed, index) };
    if (typeof values['tuner/epochs'] === 'number') trial.epochs = values['tuner/epochs'];
    if (typeof values['tuner/initial_epoch'] === 'number') trial.initialEpoch = values['tuner/initial_epoch'];
    if (typeof values['tuner/trial_id'] === 'string') trial.warmStartFrom = values['tuner/trial_id'];
    trials.push(trial);
    emit({ type: 'trial-start', trialId: trial.id, values, n: index + 1, total });
    const started = performance.now();
    const onEpoch = (epoch: number, logs: Record<string, number>) =>
      emit({ type: 'epoch', trialId: trial.id, epoch, logs });
    const base = { trialId: trial.id, values, seed: trial.seed };
    executor
      .run(trial, onEpoch)
      .then(
        (result): TrialRecord => ({
          ...base,
          status: 'COMPLETED',
          score: scoreOf(result, objective),
          metrics: result.metrics ?? {},
          durationMs: performance.now() - started,
        }),
      )
      .catch(
        (err: unknown): TrialRecord => ({
          ...base,
          status: 'FAILED',
          score: null,
          metrics: {},
          error: err instanceof Error ? err.message : String(err),
          durationMs: performance.now() - started,
        }),
      )
      .then((record) => {
        records[index] = record;
        finished.push(index);
        wake?.();
      });
  };

  try {
    let running = 0;
    let stopped = false;
    let proposing = -1;
    let known = 0;
    const view = (nextIndex: number): OracleView => ({
      nextId: trialId(nextIndex, idLimit),
      trials: trials.map((t, i) => {
        const r = i < known ? records[i] : undefined;
        return { id: t.id, values: t.values, state: r ? r.status : 'PENDING', score: r?.score ?? null };
      }),
    });

    for (;;) {
      while (!stopped && running < parallelism && trials.length < total) {
        const n = trials.length;
        if (proposing !== n) {
          proposing = n;
          known = Math.max(0, n - parallelism + 1);
        }
        if (records.slice(0, known).filter(Boolean).length < known) break; // wait for the visible prefix
        if (longestFailureRun(records, known) >= maxFailures) {
          stopped = true;
          break;
        }
        const proposal = oracle.propose(view(n));
        if (proposal.kind === 'wait') {
          if (known >= n) stopped = true;
          else known++;
        } else if (proposal.kind === 'stop') {
          stopped = true;
        } else {
          launch(n, proposal.values);
          running++;
        }
      }
      if (eventError !== undefined) throw eventError;
      if (running === 0) break;
      while (finished.length === 0) await new Promise<void>((resolve) => (wake = resolve));
      for (const index of finished.splice(0)) {
        const r = records[index]!;
        running--;
        emit({
          type: 'trial-end',
          trialId: r.trialId,
          score: r.score,
          durationMs: r.durationMs,
          status: r.status,
          ...(r.error ? { error: r.error } : {}),
        });
      }
    }
    return summarize(records as TrialRecord[], objective, space, maxFailures);
  } finally {
    await executor.close();
  }
}

function summarize(
  trials: TrialRecord[],
  objective: Objective,
  space: HyperParameters,
  maxFailures: number,
): SearchResult {
  const failedRun = longestFailureRun(trials, trials.length);
  const completed = trials.filter((t) => t.status === 'COMPLETED');
  if (failedRun >= maxFailures || completed.length === 0) {
    const lastError = [...trials].reverse().find((t) => t.error)?.error ?? 'no trial ran';
    const why = completed.length === 0 ? 'no trial completed' : `${failedRun} consecutive trials failed`;
    throw new CtpipeError('INTERNAL', `hyperparameter search stopped: ${why}; last error: ${lastError}`, {
      details: { failed: trials.length - completed.length, lastError, trials },
    });
  }
  let best = completed[0]!;
  for (const t of completed) if (isBetter(objective, t.score!, best.score!)) best = t;
  return {
    best: { trialId: best.trialId, values: best.values, score: best.score! },
    trials,
    bestHyperParameters: space.withValues(best.values),
  };
}
