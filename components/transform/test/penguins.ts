import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { CoreContext, CoreInputs, InputArtifact } from '@ctpipe/contract';
import { artifactType } from '@ctpipe/ir';
import { writePenguinExamples } from '@ctpipe/testing/penguins';
import { onTestFinished } from 'vitest';
import type { TransformSpec } from '../src/spec.js';

/** The real pipeline's preprocessing module (TypeScript source: vitest loads it like the built one). */
export const PENGUINS_MODULE = path.join(
  import.meta.dirname,
  '..',
  '..',
  '..',
  'pipelines',
  'ct',
  'src',
  'preprocessing.ts',
);

async function tempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), prefix));
  onTestFinished(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/**
 * Extract's layout (Split-<name>/data_0.parquet) from a SELECT over the penguins (a view `penguins` with a row
 * number `rn` in file order): rows with rn % 3 = 0 are eval, the others train. `select` may change columns.
 */
export async function penguinExamples(
  select = 'SELECT * EXCLUDE (rn) FROM penguins',
): Promise<InputArtifact> {
  return writePenguinExamples(await tempDir('transform-examples-'), { select, span: 3 });
}

export async function transformInputs(
  examples: InputArtifact,
  options: { parameters?: Partial<CoreInputs<TransformSpec>['parameters']>; schema?: InputArtifact } = {},
): Promise<CoreInputs<TransformSpec>> {
  const root = await tempDir('transform-out-');
  const out = async (name: string, title: 'system.Artifact' | 'system.Dataset') => {
    const dir = path.join(root, name);
    await mkdir(dir);
    return { uri: dir, path: dir, type: artifactType(title) };
  };
  return {
    parameters: {
      module_file: PENGUINS_MODULE,
      module_digest: '',
      analyze_split: 'train',
      ...options.parameters,
    },
    artifacts: { examples, schema: options.schema },
    outputs: {
      transform_graph: await out('transform_graph', 'system.Artifact'),
      transformed_examples: await out('transformed_examples', 'system.Dataset'),
    },
  };
}

export function recordingContext(): CoreContext & { progress: [string, number, number | undefined][] } {
  const progress: [string, number, number | undefined][] = [];
  return {
    progress,
    log: { info() {}, warn() {}, progress: (step, done, total) => progress.push([step, done, total]) },
    now: () => new Date('2026-01-01T00:00:00Z'),
    random: () => 0.5,
  };
}

export { tempDir };
