import { logBase } from './internal/python-math.js';

/** One successive-halving round: how many models train, up to which cumulative epoch. */
export interface HyperbandRound {
  round: number;
  trials: number;
  epochs: number;
}

export interface HyperbandBracket {
  bracket: number;
  rounds: HyperbandRound[];
}

/** Keras Tuner's bracket count: divide max_epochs by factor while it stays >= min_epochs (1). */
export function hyperbandBracketCount(maxEpochs: number, factor: number): number {
  let epochs = maxEpochs;
  let brackets = 0;
  while (epochs >= 1) {
    epochs /= factor;
    brackets++;
  }
  return brackets;
}

/** Models in round `round` of bracket `bracket` (HyperbandOracle._get_size): brackets cost about the same. */
export function hyperbandSize(maxEpochs: number, factor: number, bracket: number, round: number): number {
  const bracket0EndSize = Math.ceil(1 + logBase(maxEpochs, factor));
  return Math.ceil((bracket0EndSize / (bracket + 1)) * factor ** (bracket - round));
}

/** Cumulative epochs a model has trained after round `round` of bracket `bracket` (_get_epochs). */
export function hyperbandEpochs(maxEpochs: number, factor: number, bracket: number, round: number): number {
  return Math.ceil(maxEpochs / factor ** (bracket - round));
}

/**
 * One Hyperband iteration as Keras Tuner runs it: the most aggressive bracket first. Bracket b has b + 1
 * rounds; each round keeps the best 1/factor of the previous one and trains them factor times longer.
 */
export function hyperbandSchedule(maxEpochs: number, factor = 3): HyperbandBracket[] {
  const brackets: HyperbandBracket[] = [];
  for (let b = hyperbandBracketCount(maxEpochs, factor) - 1; b >= 0; b--) {
    const rounds = Array.from({ length: b + 1 }, (_, r) => ({
      round: r,
      trials: hyperbandSize(maxEpochs, factor, b, r),
      epochs: hyperbandEpochs(maxEpochs, factor, b, r),
    }));
    brackets.push({ bracket: b, rounds });
  }
  return brackets;
}
