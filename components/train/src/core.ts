import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ComponentCore, CoreContext, CoreInputs, CoreResult } from '@ctpipe/contract';
import { exportModel, selectBackend, trainModel } from '@ctpipe/model';
import { chooseHyperparameters } from './choose-hyperparameters.js';
import { loadModelModule, modulePath } from './module-file.js';
import type { TrainSpec } from './spec.js';
import { trainingCurvesHtml } from './training-curves.js';
import { loadTrainingInputs } from './training-inputs.js';
import { roundLogs } from './tune.js';
import { finalMetrics, writeSideOutputs } from './write-outputs.js';

// DuckDB spill files, trial data and Hyperband checkpoints live inside the model's staging directory (the only
// place a core may write) and are removed before the runtime publishes it.
const SCRATCH_DIR = '.ctpipe-tmp';

export interface TrainCoreOptions {
  /** The tuner's worker module: dist/trial-worker.js beside the built core (tests pass a compiled copy). */
  trialWorkerModule: string;
}

/** Tuner + Trainer: tune (unless hyperparameters are given), train the final model, export it. */
export function createTrainCore(options: TrainCoreOptions): ComponentCore<TrainSpec> {
  return async (inputs, ctx) => {
    const scratchDir = path.join(inputs.outputs.model.path, SCRATCH_DIR);
    try {
      return await trainCore(inputs, ctx, options, scratchDir);
    } finally {
      await rm(scratchDir, { recursive: true, force: true });
    }
  };
}

export const train: ComponentCore<TrainSpec> = createTrainCore({
  trialWorkerModule: fileURLToPath(new URL('./trial-worker.js', import.meta.url)),
});

async function trainCore(
  inputs: CoreInputs<TrainSpec>,
  ctx: CoreContext,
  options: TrainCoreOptions,
  scratchDir: string,
): Promise<CoreResult<TrainSpec>> {
  const p = inputs.parameters;
  const module = await loadModelModule(p.module_file);
  const backend = await selectBackend();
  ctx.log.info('tf.js backend', { backend });
  const graphDir = inputs.artifacts.transform_graph.path;
  const data = await loadTrainingInputs(
    graphDir,
    inputs.artifacts.transformed_examples.path,
    path.join(scratchDir, 'duckdb'),
  );
  ctx.log.info('read transformed examples', {
    train: data.train.n,
    eval: data.eval.n,
    features: data.shape.featureCount,
    index_features: data.shape.features.filter((f) => f.kind === 'index').length,
  });
  const epochs = p.epochs > 0 ? p.epochs : module.training.epochs;
  const { best, trials } = await chooseHyperparameters({
    module,
    data,
    givenDir: inputs.artifacts.hyperparameters?.path,
    tuner: p.tuner,
    maxTrials: p.max_trials,
    parallelTrials: p.parallel_trials,
    seed: p.seed,
    epochs,
    moduleFile: modulePath(p.module_file),
    graphDir,
    backend,
    workerModule: options.trialWorkerModule,
    scratchDir,
    log: ctx.log,
  });

  const hp = best.values;
  const result = await trainModel({
    module,
    hp,
    shape: data.shape,
    train: data.train,
    eval: data.eval,
    seed: p.seed,
    epochs,
    onEpoch: (epoch, logs) => {
      ctx.log.progress('epoch', epoch + 1, epochs, 'epochs');
      ctx.log.info(`epoch ${epoch + 1}`, roundLogs(logs as Record<string, number>));
    },
  });
  // TFX's Pusher names versions by export time in seconds; TF Serving serves the highest.
  const version = Math.floor(ctx.now().getTime() / 1000);
  const out = inputs.outputs;
  await exportModel({
    model: result.model,
    graph: data.graph,
    hyperparameters: hp,
    dir: out.model.path,
    version,
  });
  result.model.dispose();

  const metrics = finalMetrics(result.best, result.bestEpoch, result.epochsRun);
  const curves = trainingCurvesHtml({
    history: result.history,
    bestEpoch: result.bestEpoch,
    hyperparameters: hp,
    objective: module.objective,
    backend,
    ...(trials ? { trials } : {}),
  });
  await writeSideOutputs(out, best, metrics, curves);
  const evalAccuracy = result.best.val_accuracy ?? 0;
  ctx.log.info('trained', { ...roundLogs(metrics), version });
  return {
    parameters: { eval_accuracy: evalAccuracy, backend },
    metadata: {
      model: {
        framework: 'tfjs',
        backend,
        version,
        version_dir: String(version),
        eval_accuracy: evalAccuracy,
        eval_loss: result.best.val_loss ?? 0,
        tuned: trials !== undefined,
        ...(trials ? { trials: trials.length } : {}),
      },
      best_hyperparameters: { values: { ...hp } },
      metrics,
      training_curves: { best_epoch: result.bestEpoch + 1 },
    },
  };
}
