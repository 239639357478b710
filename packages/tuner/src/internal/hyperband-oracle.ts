import { hyperbandBracketCount, hyperbandEpochs, hyperbandSize } from '../hyperband-schedule.js';
import type { HpValue } from '../hyperparameter.js';
import type { Oracle, OracleContext, OracleView, Proposal, ViewTrial } from './oracle.js';
import { RandomValues, triedKeys } from './random-values.js';

export interface HyperbandSettings {
  maxEpochs: number;
  factor: number;
  hyperbandIterations: number;
}

interface Slot {
  pastId: string | null;
  id: string;
}

interface Bracket {
  bracketNum: number;
  rounds: Slot[][];
}

/**
 * keras_tuner.Hyperband's oracle, step for step (HyperbandOracle.populate_space): fill the oldest open
 * bracket's first round with random trials; promote the best not-yet-promoted trial of a round as soon as
 * more of them have completed than the next round will drop; otherwise open the next, less aggressive
 * bracket. Promoted trials carry tuner/trial_id (warm start from that trial's weights), tuner/initial_epoch
 * and tuner/epochs.
 */
export function createHyperbandOracle(context: OracleContext, settings: HyperbandSettings): Oracle {
  const { maxEpochs, factor, hyperbandIterations } = settings;
  const random = new RandomValues(context.space, context.seed);
  const bracketCount = hyperbandBracketCount(maxEpochs, factor);
  const size = (b: number, r: number) => hyperbandSize(maxEpochs, factor, b, r);
  const epochs = (b: number, r: number) => hyperbandEpochs(maxEpochs, factor, b, r);
  const maximize = context.objective.direction === 'max';

  let currentBracket = bracketCount - 1;
  let currentIteration = 0;
  let brackets: Bracket[] = [newBracket(currentBracket)];

  function newBracket(bracketNum: number): Bracket {
    return { bracketNum, rounds: Array.from({ length: bracketNum + 1 }, () => []) };
  }

  function randomTrial(view: OracleView, bracket: Bracket): Proposal {
    const values = random.next(triedKeys(view.trials));
    if (values === null)
      return view.trials.some((t) => t.state === 'PENDING') ? { kind: 'wait' } : { kind: 'stop' };
    values['tuner/epochs'] = epochs(bracket.bracketNum, 0);
    values['tuner/initial_epoch'] = 0;
    values['tuner/bracket'] = bracket.bracketNum;
    values['tuner/round'] = 0;
    bracket.rounds[0]!.push({ pastId: null, id: view.nextId });
    return { kind: 'trial', values };
  }

  function promotion(view: OracleView, byId: Map<string, ViewTrial>, bracket: Bracket): Proposal | null {
    const b = bracket.bracketNum;
    for (let r = 1; r < bracket.rounds.length; r++) {
      const round = bracket.rounds[r]!;
      const selected = new Set(round.map((slot) => slot.pastId));
      const candidates = bracket.rounds[r - 1]!.filter((slot) => !selected.has(slot.id))
        .map((slot) => byId.get(slot.id))
        .filter((t): t is ViewTrial => t?.state === 'COMPLETED');
      if (candidates.length <= size(b, r - 1) - size(b, r)) continue;
      // Stable sort, like Python's sorted(): ties keep round order.
      const best = [...candidates].sort((x, y) => (maximize ? y.score! - x.score! : x.score! - y.score!))[0]!;
      const values: Record<string, HpValue> = { ...best.values };
      values['tuner/trial_id'] = best.id;
      values['tuner/epochs'] = epochs(b, r);
      values['tuner/initial_epoch'] = epochs(b, r - 1);
      values['tuner/bracket'] = b;
      values['tuner/round'] = r;
      round.push({ pastId: best.id, id: view.nextId });
      return { kind: 'trial', values };
    }
    return null;
  }

  return {
    plannedTrials: plannedHyperbandTrials(settings),
    propose(view: OracleView): Proposal {
      // A bracket is done once its last round is fully created (not necessarily finished).
      brackets = brackets.filter((br) => br.rounds.at(-1)!.length !== size(br.bracketNum, br.bracketNum));
      const byId = new Map(view.trials.map((t) => [t.id, t]));
      for (const bracket of brackets) {
        if (bracket.rounds[0]!.length < size(bracket.bracketNum, 0)) return randomTrial(view, bracket);
        const promoted = promotion(view, byId, bracket);
        if (promoted) return promoted;
      }
      if (currentBracket === 0 && currentIteration + 1 === hyperbandIterations) {
        return view.trials.some((t) => t.state === 'PENDING') ? { kind: 'wait' } : { kind: 'stop' };
      }
      currentBracket--;
      if (currentBracket < 0) {
        currentBracket = bracketCount - 1;
        currentIteration++;
      }
      const bracket = newBracket(currentBracket);
      brackets.push(bracket);
      return randomTrial(view, bracket);
    },
  };
}

/** Trials of all iterations when every trial completes. */
export function plannedHyperbandTrials({
  maxEpochs,
  factor,
  hyperbandIterations,
}: HyperbandSettings): number {
  let perIteration = 0;
  for (let b = 0; b < hyperbandBracketCount(maxEpochs, factor); b++) {
    for (let r = 0; r <= b; r++) perIteration += hyperbandSize(maxEpochs, factor, b, r);
  }
  return perIteration * hyperbandIterations;
}
