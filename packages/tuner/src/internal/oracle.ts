import type { HpValue, HyperParameter } from '../hyperparameter.js';
import type { Objective } from '../objective.js';

/** A trial as an oracle sees it when proposing the next one. */
export interface ViewTrial {
  id: string;
  values: Readonly<Record<string, HpValue>>;
  /** PENDING: created, result not visible to this proposal (still running, or finished after the cut-off). */
  state: 'PENDING' | 'COMPLETED' | 'FAILED';
  score: number | null;
}

/**
 * Everything an oracle may base a proposal on. The scheduler builds it deterministically: every earlier
 * trial with its values, but results only for a fixed prefix of trial ids, so a proposal never depends on
 * which trial happened to finish first.
 */
export interface OracleView {
  trials: readonly ViewTrial[];
  /** The id the proposed trial will get (Hyperband records it in its brackets). */
  nextId: string;
}

export type Proposal =
  | { kind: 'trial'; values: Record<string, HpValue> }
  /** Nothing to propose until more results are visible. */
  | { kind: 'wait' }
  /** The search is over. */
  | { kind: 'stop' };

export interface OracleContext {
  space: readonly HyperParameter[];
  objective: Objective;
  seed: number;
}

/** Stateful; the scheduler calls `propose` in a deterministic sequence of views. */
export interface Oracle {
  /** How many trials the oracle will create at most (the search's `total`). */
  readonly plannedTrials: number;
  propose(view: OracleView): Proposal;
}
