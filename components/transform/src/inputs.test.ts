import { createHash } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { artifactType } from '@ctpipe/ir';
import { describe, expect, it } from 'vitest';
import {
  PENGUINS_MODULE,
  penguinExamples,
  recordingContext,
  tempDir,
  transformInputs,
} from '../test/penguins.js';
import { transform } from './core.js';
import { resolveTransformInputs } from './resolve-inputs.js';

/** A module file in a temp dir; specs are plain JSON, so it needs no import. */
async function moduleFile(source: string): Promise<string> {
  const file = path.join(await tempDir('transform-module-'), 'preprocessing.mjs');
  await writeFile(file, source);
  return file;
}

const failure = (p: Promise<unknown>) =>
  p.then(
    () => expect.fail('expected an error'),
    (err: unknown) => err,
  );

describe('transform inputs', () => {
  it('a module without a `preprocessing` export is BAD_CONFIG naming the file and its exports', async () => {
    const file = await moduleFile('export const model = {};\n');
    const err = await failure(
      transform(
        await transformInputs(await penguinExamples(), { parameters: { module_file: file } }),
        recordingContext(),
      ),
    );
    expect(err).toMatchObject({ code: 'BAD_CONFIG', details: { file, found: 'model' } });
  });

  it('a spec reading a column the data does not have is BAD_CONFIG naming the feature and the column', async () => {
    const file = await moduleFile(
      "export const preprocessing = { features: { beak: { type: 'numeric', column: 'Beak Len', steps: [] } } };\n",
    );
    const inputs = await transformInputs(await penguinExamples(), { parameters: { module_file: file } });
    const err = await failure(transform(inputs, recordingContext()));
    expect(err).toMatchObject({ code: 'BAD_CONFIG', details: { feature: 'beak', column: 'Beak Len' } });
    expect((err as Error).message).toContain('the train split');
  });

  it('a schema that types a column differently than the spec needs is BAD_CONFIG naming the schema', async () => {
    const dir = await tempDir('transform-schema-');
    const feature = (name: string, type: string) => ({ name, type });
    const numeric = ['Beak Length (mm)', 'Beak Depth (mm)', 'Flipper Length (mm)', 'Body Mass (g)'];
    const features = [
      ...numeric.map((n) => feature(n, 'FLOAT')),
      feature('Island', 'INT'),
      feature('Sex', 'BYTES'),
    ];
    await writeFile(
      path.join(dir, 'schema.json'),
      JSON.stringify({ feature: [...features, feature('Species', 'BYTES')] }),
    );
    const schema = { type: artifactType('system.Artifact'), uri: dir, path: dir, metadata: {} };
    const err = await failure(
      transform(await transformInputs(await penguinExamples(), { schema }), recordingContext()),
    );
    expect(err).toMatchObject({
      code: 'BAD_CONFIG',
      details: { feature: 'island', column: 'Island', expected: 'string', found: 'number (INT)' },
    });
    expect((err as Error).message).toContain('the schema');
  });

  it('an analyze_split the Examples do not have is BAD_CONFIG listing the splits', async () => {
    const inputs = await transformInputs(await penguinExamples(), {
      parameters: { analyze_split: 'training' },
    });
    const err = await failure(transform(inputs, recordingContext()));
    expect(err).toMatchObject({
      code: 'BAD_CONFIG',
      details: { expected: 'train | eval', found: 'training' },
    });
  });

  it('the pre-cache check pins the sha256 of the module, so an edit misses the cache', async () => {
    const digest = (text: string | Buffer) => createHash('sha256').update(text).digest('hex');
    const pinned = await resolveTransformInputs(
      { module_file: PENGUINS_MODULE, module_digest: '', analyze_split: 'train' },
      recordingContext(),
    );
    expect(pinned).toEqual({ module_digest: digest(await readFile(PENGUINS_MODULE)) });
    const file = await moduleFile('export const preprocessing = 1;\n');
    const before = await resolveTransformInputs(
      { module_file: file, module_digest: '', analyze_split: 'train' },
      recordingContext(),
    );
    await writeFile(file, 'export const preprocessing = 2;\n');
    const after = await resolveTransformInputs(
      { module_file: file, module_digest: '', analyze_split: 'train' },
      recordingContext(),
    );
    expect(after.module_digest).not.toBe(before.module_digest);
    const missing = await failure(
      resolveTransformInputs(
        { module_file: `${file}.nope`, module_digest: '', analyze_split: 'train' },
        recordingContext(),
      ),
    );
    expect(missing).toMatchObject({ code: 'NOT_FOUND' });
  });
});
