import { mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { CoreInputs, InputArtifact } from '@ctpipe/contract';
import { artifactType, type JsonObject } from '@ctpipe/ir';
import type { EvalConfig, SliceMetrics, ValidationResult } from '@ctpipe/model-analysis';
import { testContext } from '@ctpipe/testing/core-context';
import { evaluate } from '../src/core.js';
import { DEFAULT_EVAL_CONFIG } from '../src/default-eval-config.js';
import type { EvaluateSpec } from '../src/spec.js';

export interface EvaluateRun {
  /** Where the outputs go (`<dir>/<output name>/`). */
  dir: string;
  examples: string;
  model: string;
  baseline?: string;
  /** A previous blessing artifact (LatestBlessedModelStrategy) instead of a baseline model. */
  baselineBlessing?: { uri: string; metadata: JsonObject };
  config?: EvalConfig;
  split?: string;
}

/** What evaluation.json holds, as far as the tests read it. */
export interface EvaluationFile {
  candidate: { model: string; version: number; metrics: { slices: SliceMetrics[] } };
  baseline: { model: string; metrics: { slices: SliceMetrics[] } } | null;
  diffs: { slice: Record<string, string>; metrics: Record<string, number> }[];
  validation: ValidationResult;
}

const artifact = (dir: string, title: 'system.Model' | 'system.Dataset'): InputArtifact => ({
  uri: dir,
  path: dir,
  type: artifactType(title),
  metadata: {},
});

/** Runs the evaluate core with fresh output directories and reads back what it wrote. */
export async function runEvaluate(options: EvaluateRun) {
  const { dir } = options;
  const out = async (key: string, title: Parameters<typeof artifactType>[0]) => {
    await mkdir(path.join(dir, key), { recursive: true });
    return { uri: path.join(dir, key), path: path.join(dir, key), type: artifactType(title) };
  };
  const inputs: CoreInputs<EvaluateSpec> = {
    parameters: {
      eval_config: (options.config ?? DEFAULT_EVAL_CONFIG) as unknown as JsonObject,
      eval_split: options.split ?? 'eval',
    },
    artifacts: {
      examples: artifact(options.examples, 'system.Dataset'),
      model: artifact(options.model, 'system.Model'),
      baseline_model: options.baseline ? artifact(options.baseline, 'system.Model') : undefined,
      baseline_blessing: options.baselineBlessing
        ? {
            uri: options.baselineBlessing.uri,
            path: options.baselineBlessing.uri,
            type: artifactType('system.Artifact'),
            metadata: options.baselineBlessing.metadata,
          }
        : undefined,
    },
    outputs: {
      evaluation: await out('evaluation', 'system.Metrics'),
      classification_metrics: await out('classification_metrics', 'system.ClassificationMetrics'),
      blessing: await out('blessing', 'system.Artifact'),
      report: await out('report', 'system.HTML'),
    },
  };
  const ctx = testContext();
  const result = await evaluate(inputs, ctx);
  const text = await readFile(path.join(dir, 'evaluation', 'evaluation.json'), 'utf8');
  return {
    result,
    evaluation: JSON.parse(text) as EvaluationFile,
    blessingFiles: await readdir(path.join(dir, 'blessing')),
    html: await readFile(path.join(dir, 'report', 'index.html'), 'utf8'),
    logs: ctx.logs,
  };
}
