import { createHash } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { testContext } from '@ctpipe/testing/core-context';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadModelModule, moduleDigest } from './module-file.js';
import { resolveTrainInputs } from './resolve-inputs.js';

let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'ctpipe-train-module-'));
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const GOOD = `export const model = {
  searchSpace(hp) { hp.Int('units', 1, 2); },
  buildModel() { throw new Error('not called'); },
  objective: { name: 'val_loss', direction: 'min' },
  training: { epochs: 1, batchSize: 8, earlyStoppingPatience: 0 },
};\n`;

describe('resolveTrainInputs (pre-cache check)', () => {
  it('sets module_digest to the sha256 of the module file, so an edit is a cache miss', async () => {
    const file = path.join(dir, 'model.js');
    await writeFile(file, GOOD);
    const parameters = {
      module_file: file,
      module_digest: '',
      tuner: 'random',
      max_trials: 10,
      parallel_trials: 0,
      epochs: 0,
      seed: 42,
    };
    const first = await resolveTrainInputs(parameters, testContext());
    expect(first).toEqual({ module_digest: `sha256:${createHash('sha256').update(GOOD).digest('hex')}` });
    await writeFile(file, `${GOOD}// tweaked\n`);
    const second = await resolveTrainInputs(parameters, testContext());
    expect(second.module_digest).not.toBe(first.module_digest);
  });

  it('reports a missing module file as NOT_FOUND', async () => {
    await expect(moduleDigest(path.join(dir, 'absent.js'))).rejects.toMatchObject({
      code: 'NOT_FOUND',
      details: { file: path.join(dir, 'absent.js') },
    });
  });
});

describe('loadModelModule', () => {
  it('loads the `model` export', async () => {
    const file = path.join(dir, 'good.js');
    await writeFile(file, GOOD);
    const module = await loadModelModule(file);
    expect(module.objective).toEqual({ name: 'val_loss', direction: 'min' });
  });

  it('names what a module lacks', async () => {
    const file = path.join(dir, 'partial.js');
    await writeFile(file, `export const model = { searchSpace() {}, objective: { name: 'loss' } };\n`);
    await expect(loadModelModule(file)).rejects.toMatchObject({
      code: 'BAD_CONFIG',
      details: {
        found:
          'missing buildModel(), objective { name, direction }, training { epochs, batchSize, earlyStoppingPatience }',
      },
    });
  });

  it('rejects an empty module_file and a module that fails to import', async () => {
    await expect(loadModelModule('')).rejects.toMatchObject({ code: 'BAD_CONFIG' });
    const file = path.join(dir, 'broken.js');
    await writeFile(file, 'export const model = ;\n');
    await expect(loadModelModule(file)).rejects.toMatchObject({ code: 'BAD_CONFIG', details: { file } });
  });
});
