import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type MetadataStore, openMetadataStore } from '@ctpipe/metadata';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { writeTrainingArtifacts } from '../test-support/penguins.js';
import { latestTrainingBaseline } from './training-baseline.js';

let dir: string;
let store: MetadataStore;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'ctpipe-baseline-'));
  store = openMetadataStore(':memory:');
});
afterEach(async () => {
  await store.close();
});

/** A run whose validate said `valid` and whose push said `pushed`, as the CT pipeline records them. */
async function run(runId: string, valid: boolean, pushed: boolean): Promise<void> {
  const { statistics, schema } = await writeTrainingArtifacts(join(dir, runId), true);
  await store.startRun({
    runId,
    pipelineName: 'ct',
    pipelineSpecDigest: 'sha256:t',
    parameters: {},
    pid: process.pid,
  });
  const task = async (
    taskName: string,
    outputParameters: Record<string, boolean>,
    outputs: [string, string][],
  ) => {
    const id = await store.startExecution({
      runId,
      taskName,
      componentName: taskName,
      inputParameters: {},
      inputArtifacts: [],
      pid: process.pid,
    });
    await store.completeExecution(id, {
      outputParameters,
      outputArtifacts: outputs.map(([key, uri]) => ({
        key,
        uri,
        typeTitle: 'system.Artifact',
        metadata: {},
      })),
    });
  };
  await task('validate', { valid }, [
    ['statistics', statistics],
    ['schema', schema],
  ]);
  if (pushed) await task('push', { pushed: true }, [['pushed_model', join(dir, runId, 'model')]]);
  await store.finishRun(runId, { state: 'SUCCEEDED' });
}

describe('latestTrainingBaseline', () => {
  it('is the data of the run that pushed the served model, not a later run whose data was rejected', async () => {
    await run('run-1', true, true);
    await run('run-2', true, true);
    await run('run-3', false, false);
    await run('run-4', true, false);
    const baseline = await latestTrainingBaseline(store, 'ct');
    expect(baseline?.runId).toBe('run-2');
    expect(baseline?.statisticsUri).toBe(join(dir, 'run-2', 'statistics'));
    expect(baseline?.schema).toBeDefined();
  });

  it('before any push, is the latest run with valid data', async () => {
    await run('run-1', true, false);
    await run('run-2', false, false);
    expect((await latestTrainingBaseline(store, 'ct'))?.runId).toBe('run-1');
  });
});
