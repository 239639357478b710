import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { CoreInputs } from '@ctpipe/contract';
import type { EpochLogs } from '@ctpipe/model';
import type { HyperParameters } from '@ctpipe/tuner';
import { writeHyperParameters } from './hyperparameters-file.js';
import type { TrainSpec } from './spec.js';

/** The Metrics artifact's numbers: the best epoch's Keras logs renamed train_* / eval_*, and where it stopped. */
export function finalMetrics(best: EpochLogs, bestEpoch: number, epochsRun: number): Record<string, number> {
  const metrics: Record<string, number> = {};
  for (const [name, value] of Object.entries(best)) {
    metrics[name.startsWith('val_') ? `eval_${name.slice(4)}` : `train_${name}`] = value;
  }
  metrics.best_epoch = bestEpoch + 1;
  metrics.epochs_run = epochsRun;
  return metrics;
}

/** best_hyperparameters.txt, metrics.json and the curves page, each in its artifact's directory. */
export async function writeSideOutputs(
  out: CoreInputs<TrainSpec>['outputs'],
  best: HyperParameters,
  metrics: Record<string, number>,
  curvesHtml: string,
): Promise<void> {
  for (const dir of [out.best_hyperparameters.path, out.metrics.path, out.training_curves.path]) {
    await mkdir(dir, { recursive: true });
  }
  await writeHyperParameters(out.best_hyperparameters.path, best);
  await writeFile(path.join(out.metrics.path, 'metrics.json'), `${JSON.stringify(metrics, null, 2)}\n`);
  await writeFile(path.join(out.training_curves.path, 'index.html'), curvesHtml);
}
