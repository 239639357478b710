import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { CtpipeError } from '@ctpipe/errors';
import { type HyperParameters, parseHyperParameters } from '@ctpipe/tuner';

/** TFX's Tuner output: Keras Tuner's `HyperParameters.get_config()` as JSON, in this file. */
export const BEST_HYPERPARAMETERS_FILE = 'best_hyperparameters.txt';

export async function writeHyperParameters(dir: string, hp: HyperParameters): Promise<void> {
  await writeFile(path.join(dir, BEST_HYPERPARAMETERS_FILE), `${JSON.stringify(hp.getConfig())}\n`);
}

/**
 * The hyperparameters handed to a run (TFX Tuner → Trainer): their values over the module's current space, so a
 * hyperparameter the module added since keeps its default and the model still builds.
 */
export async function readHyperParameters(dir: string, space: HyperParameters): Promise<HyperParameters> {
  const file = path.join(dir, BEST_HYPERPARAMETERS_FILE);
  const text = await readFile(file, 'utf8').catch((err: unknown) => {
    throw new CtpipeError('NOT_FOUND', `the hyperparameters artifact has no ${BEST_HYPERPARAMETERS_FILE}`, {
      details: { file },
      cause: err,
    });
  });
  const given = parseHyperParameters(text, file);
  return space.withValues({ ...space.values, ...given.values });
}
