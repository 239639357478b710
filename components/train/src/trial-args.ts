import { CtpipeError } from '@ctpipe/errors';
import type { BackendName } from '@ctpipe/model';

/** What every trial process needs, sent once per trial as the tuner worker's JSON `args`. */
export interface TrialArgs {
  moduleFile: string;
  graphDir: string;
  /** The examples as writeTrialData left them. */
  dataDir: string;
  /** Epochs per trial when the oracle sets none (random, Bayesian). */
  epochs: number;
  /** Where Hyperband trials keep their weights for promoted trials to resume from. */
  checkpointDir: string;
  /** The backend the component chose: trials train on the same one. */
  backend: BackendName;
}

export function parseTrialArgs(value: unknown): TrialArgs {
  const a = (value ?? {}) as Partial<Record<keyof TrialArgs, unknown>>;
  const strings = ['moduleFile', 'graphDir', 'dataDir', 'checkpointDir', 'backend'] as const;
  const bad =
    strings.find((k) => typeof a[k] !== 'string') ?? (Number.isInteger(a.epochs) ? undefined : 'epochs');
  if (bad !== undefined) {
    throw new CtpipeError('CONTRACT', `trial worker args lack ${bad}`, {
      details: { expected: 'TrialArgs from the train component', found: JSON.stringify(value) },
    });
  }
  return a as TrialArgs;
}
