import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { CoreInputs, InputArtifact } from '@ctpipe/contract';
import { artifactType } from '@ctpipe/ir';
import { testContext } from '@ctpipe/testing/core-context';
import { writeRawPenguins } from '@ctpipe/testing/penguins';
import { transform } from '@ctpipe/transform';
import type { TrainSpec } from '../src/spec.js';

const componentDir = path.resolve(import.meta.dirname, '..');
const repoRoot = path.resolve(componentDir, '..', '..');
const tsc = path.join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc');

export interface Scratch {
  root: string;
  /** The compiled trial worker (trial processes cannot load TypeScript). */
  workerModule: string;
  /** pipelines/ct/src/model.ts compiled: the penguins ModelModule as the component loads it. */
  penguinsModel: string;
  close(): Promise<void>;
}

/**
 * Compiles this component and the penguins model module into a scratch directory (never dist/, which belongs to
 * the build) whose node_modules is the workspace's, so trial processes find the built @ctpipe packages.
 */
export async function compileForTrials(): Promise<Scratch> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'ctpipe-train-'));
  try {
    return await compileInto(root);
  } catch (err) {
    await rm(root, { recursive: true, force: true });
    throw err;
  }
}

async function compileInto(root: string): Promise<Scratch> {
  await symlink(path.join(repoRoot, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  const outDir = path.join(root, 'dist');
  execFileSync(
    process.execPath,
    [tsc, '-p', path.join(componentDir, 'tsconfig.build.json'), '--outDir', outDir],
    {
      stdio: 'pipe',
    },
  );
  const modelConfig = path.join(root, 'tsconfig.model.json');
  await writeFile(
    modelConfig,
    JSON.stringify({
      extends: path.join(repoRoot, 'tsconfig.base.json'),
      compilerOptions: {
        rootDir: path.join(repoRoot, 'pipelines', 'ct', 'src'),
        outDir: path.join(root, 'model'),
        declaration: false,
        sourceMap: false,
      },
      files: [path.join(repoRoot, 'pipelines', 'ct', 'src', 'model.ts')],
    }),
  );
  execFileSync(process.execPath, [tsc, '-p', modelConfig], { stdio: 'pipe' });
  return {
    root,
    workerModule: path.join(outDir, 'trial-worker.js'),
    penguinsModel: path.join(root, 'model', 'model.js'),
    close: () => rm(root, { recursive: true, force: true }),
  };
}

export interface Transformed {
  examples: InputArtifact;
  graph: InputArtifact;
}

/**
 * The penguins through the real transform core with the pipeline's preprocessing module: raw examples split
 * 2:1 by row number (extract's layout), then the TransformGraph and the transformed examples.
 */
export async function transformedPenguins(root: string): Promise<Transformed> {
  const raw = path.join(root, 'examples');
  await writeRawPenguins(raw);
  const artifact = async (name: string, title: 'system.Artifact' | 'system.Dataset') => {
    const dir = path.join(root, name);
    await mkdir(dir, { recursive: true });
    return { uri: dir, path: dir, type: artifactType(title), metadata: {} };
  };
  const examples = {
    ...(await artifact('examples', 'system.Dataset')),
    metadata: { split_names: '["train","eval"]' },
  };
  const graph = await artifact('transform_graph', 'system.Artifact');
  const transformed = await artifact('transformed_examples', 'system.Dataset');
  await transform(
    {
      parameters: {
        module_file: path.join(repoRoot, 'pipelines', 'ct', 'src', 'preprocessing.ts'),
        module_digest: '',
        analyze_split: 'train',
      },
      artifacts: { examples, schema: undefined },
      outputs: { transform_graph: graph, transformed_examples: transformed },
    },
    testContext(),
  );
  return { examples: transformed, graph };
}

/** Train inputs with the spec's defaults, fresh output directories under `root/<name>/`. */
export async function trainInputs(
  root: string,
  name: string,
  artifacts: CoreInputs<TrainSpec>['artifacts'],
  parameters: Partial<CoreInputs<TrainSpec>['parameters']> & { module_file: string },
): Promise<CoreInputs<TrainSpec>> {
  const out = async (
    key: string,
    title: 'system.Model' | 'system.Artifact' | 'system.Metrics' | 'system.HTML',
  ) => {
    const dir = path.join(root, name, key);
    await mkdir(dir, { recursive: true });
    return { uri: dir, path: dir, type: artifactType(title) };
  };
  return {
    parameters: {
      module_digest: '',
      tuner: 'random',
      max_trials: 10,
      parallel_trials: 0,
      epochs: 0,
      seed: 42,
      ...parameters,
    },
    artifacts,
    outputs: {
      model: await out('model', 'system.Model'),
      best_hyperparameters: await out('best_hyperparameters', 'system.Artifact'),
      metrics: await out('metrics', 'system.Metrics'),
      training_curves: await out('training_curves', 'system.HTML'),
    },
  };
}
