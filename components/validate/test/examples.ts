import { mkdir, mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { CoreContext, CoreInputs, InputArtifact } from '@ctpipe/contract';
import { artifactType } from '@ctpipe/ir';
import { writePenguinExamples } from '@ctpipe/testing/penguins';
import type { ValidateSpec } from '../src/spec.js';

/**
 * An Examples artifact (extract's layout: Split-<name>/data_0.parquet) made from a SELECT over the penguins
 * (available as `penguins`, with a row number `rn`); every third row goes to eval.
 */
export async function penguinExamples(
  select = 'SELECT * EXCLUDE (rn) FROM penguins',
): Promise<InputArtifact> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'validate-examples-'));
  return writePenguinExamples(dir, { select, span: 1 });
}

export async function validateInputs(
  examples: InputArtifact,
  options: { parameters?: Partial<CoreInputs<ValidateSpec>['parameters']>; baseline?: InputArtifact } = {},
): Promise<CoreInputs<ValidateSpec>> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'validate-out-'));
  const out = async (name: string, title: 'system.Artifact' | 'system.HTML') => {
    const dir = path.join(root, name);
    await mkdir(dir);
    return { uri: dir, path: dir, type: artifactType(title) };
  };
  return {
    parameters: {
      schema_path: '',
      environment: '',
      serving_data: '',
      default_drift_threshold: 0.1,
      ...options.parameters,
    },
    artifacts: {
      examples,
      baseline_statistics: options.baseline,
      baseline_schema: undefined,
      serving_statistics: undefined,
    },
    outputs: {
      statistics: await out('statistics', 'system.Artifact'),
      schema: await out('schema', 'system.Artifact'),
      anomalies: await out('anomalies', 'system.Artifact'),
      report: await out('report', 'system.HTML'),
    },
  };
}

export const quietContext: CoreContext = {
  log: { info() {}, warn() {}, progress() {} },
  now: () => new Date('2026-01-01T00:00:00Z'),
  random: () => 0.5,
};
