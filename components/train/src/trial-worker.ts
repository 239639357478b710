// The tuner's worker module (built to dist/trial-worker.js): each trial process imports it once and runs many
// trials, loading the backend, the model module and the data only on its first trial.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { CtpipeError } from '@ctpipe/errors';
import {
  type Examples,
  loadLayersModel,
  type ModelModule,
  type ModelShape,
  modelShape,
  saveLayersModel,
  selectBackend,
  trainModel,
} from '@ctpipe/model';
import type { Trial, TrialContext, TrialResult } from '@ctpipe/tuner';
import { loadModelModule } from './module-file.js';
import { readTransformGraph } from './training-inputs.js';
import { parseTrialArgs, type TrialArgs } from './trial-args.js';
import { readTrialData } from './trial-data.js';

interface Loaded {
  module: ModelModule;
  inputs: { shape: ModelShape; train: Examples; eval: Examples };
}

const loaded = new Map<string, Promise<Loaded>>();

function load(args: TrialArgs): Promise<Loaded> {
  const key = JSON.stringify(args);
  let entry = loaded.get(key);
  if (!entry) {
    entry = (async () => {
      await selectBackend({ prefer: args.backend });
      const module = await loadModelModule(args.moduleFile);
      const shape = modelShape(await readTransformGraph(args.graphDir));
      return { module, inputs: { shape, ...(await readTrialData(args.dataDir)) } };
    })();
    loaded.set(key, entry);
  }
  return entry;
}

/** Trains one trial; Hyperband trials resume from their parent's checkpoint and leave their own. */
export async function runTrial(trial: Trial, context: TrialContext): Promise<TrialResult> {
  const args = parseTrialArgs(context.args);
  const { module, inputs } = await load(args);
  const initialEpoch = trial.initialEpoch ?? 0;
  const initialWeights =
    trial.warmStartFrom !== undefined && initialEpoch > 0
      ? await checkpointWeights(args.checkpointDir, trial.warmStartFrom)
      : undefined;
  const result = await trainModel({
    module,
    hp: trial.values,
    shape: inputs.shape,
    train: inputs.train,
    eval: inputs.eval,
    seed: trial.seed,
    epochs: trial.epochs ?? args.epochs,
    initialEpoch,
    ...(initialWeights ? { initialWeights } : {}),
    onEpoch: (epoch, logs) => context.reportEpoch(epoch, logs as Record<string, number>),
  });
  for (const w of initialWeights ?? []) w.dispose();
  if (trial.epochs !== undefined) {
    const dir = path.join(args.checkpointDir, trial.id);
    await mkdir(dir, { recursive: true });
    await saveLayersModel(result.model, dir);
  }
  result.model.dispose();
  const score = result.best[module.objective.name];
  if (score === undefined || !Number.isFinite(score)) {
    throw new CtpipeError(
      'INTERNAL',
      `trial ${trial.id} diverged: ${module.objective.name} was never finite`,
      {
        details: { trial: trial.id, found: String(score) },
      },
    );
  }
  return { score, metrics: result.history as Record<string, number[]> };
}

async function checkpointWeights(checkpointDir: string, trialId: string) {
  const model = await loadLayersModel(path.join(checkpointDir, trialId));
  const weights = model.getWeights().map((w) => w.clone());
  model.dispose();
  return weights;
}
