import { mkdir, mkdtemp } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type { CoreContext, CoreInputs, InputArtifact } from '@ctpipe/contract';
import { openEngine, quoteLiteral } from '@ctpipe/data';
import { artifactType } from '@ctpipe/ir';
import type { ValidateSpec } from '../src/spec.js';

export function penguinsJsonPath(): string {
  const main = createRequire(import.meta.url).resolve('vega-datasets');
  return path.join(path.dirname(main), '..', 'data', 'penguins.json');
}

/**
 * An Examples artifact (extract's layout: Split-<name>/data_0.parquet) made from a SELECT over the penguins
 * (available as `penguins`, with a row number `rn`); every third row goes to eval.
 */
export async function penguinExamples(
  select = 'SELECT * EXCLUDE (rn) FROM penguins',
): Promise<InputArtifact> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'validate-examples-'));
  const engine = await openEngine();
  try {
    await engine.run(
      `CREATE VIEW penguins AS SELECT *, row_number() OVER () AS rn FROM read_json(${quoteLiteral(penguinsJsonPath())})`,
    );
    for (const [split, keep] of [
      ['train', 'rn % 3 <> 0'],
      ['eval', 'rn % 3 = 0'],
    ] as const) {
      await mkdir(path.join(dir, `Split-${split}`));
      const file = path.join(dir, `Split-${split}`, 'data_0.parquet');
      await engine.run(
        `COPY (SELECT * FROM (${select.replace('FROM penguins', `FROM penguins WHERE ${keep}`)})) TO ${quoteLiteral(file)} (FORMAT parquet)`,
      );
    }
  } finally {
    await engine.close();
  }
  return {
    type: artifactType('system.Dataset'),
    uri: dir,
    path: dir,
    metadata: { split_names: '["train","eval"]', span: 1 },
  };
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
