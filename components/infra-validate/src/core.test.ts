import { mkdir, readdir, readFile, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { CoreInputs } from '@ctpipe/contract';
import { artifactType } from '@ctpipe/ir';
import { testContext } from '@ctpipe/testing/core-context';
import { writeRawPenguins } from '@ctpipe/testing/penguins';
import { trainPenguinsModel } from '@ctpipe/testing-model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileServer } from '../test/compile-server.js';
import { createInfraValidateCore } from './core.js';
import type { InfraValidateSpec } from './spec.js';

let scratch: Awaited<ReturnType<typeof compileServer>>;
let rawExamples: string;
let goodModel: string;

beforeAll(async () => {
  scratch = await compileServer();
  rawExamples = path.join(scratch.root, 'examples');
  await writeRawPenguins(rawExamples);
  goodModel = await trainPenguinsModel(rawExamples, path.join(scratch.root, 'good-model'), {
    epochs: 30,
    learningRate: 0.02,
  });
}, 120_000);

afterAll(async () => {
  await scratch?.close();
});

let runs = 0;
async function run(
  parameters: Partial<CoreInputs<InfraValidateSpec>['parameters']> = {},
  options: { model?: string; serverModule?: string; examples?: string } = {},
) {
  const blessingDir = path.join(scratch.root, `blessing-${++runs}`);
  await mkdir(blessingDir, { recursive: true });
  const artifact = (dir: string, title: 'system.Model' | 'system.Dataset') => ({
    uri: dir,
    path: dir,
    type: artifactType(title),
    metadata: {},
  });
  const core = createInfraValidateCore({ serverModule: options.serverModule ?? scratch.serverModule });
  const ctx = testContext();
  const result = await core(
    {
      parameters: {
        num_examples: 20,
        batch_size: 5,
        max_latency_ms: 1000,
        eval_split: 'eval',
        ...parameters,
      },
      artifacts: {
        model: artifact(options.model ?? goodModel, 'system.Model'),
        examples: artifact(options.examples ?? rawExamples, 'system.Dataset'),
      },
      outputs: {
        infra_blessing: { uri: blessingDir, path: blessingDir, type: artifactType('system.Artifact') },
      },
    },
    ctx,
  );
  return { result, files: await readdir(blessingDir), logs: ctx.logs };
}

describe('infra-validate core on a penguins model', () => {
  it('blesses a good model served in its own process, with latency stats', async () => {
    const { result, files, logs } = await run();
    expect(result.parameters.blessed).toBe(true);
    expect(files).toEqual(['INFRA_BLESSED']);
    const meta = result.metadata.infra_blessing!;
    expect(meta).toMatchObject({
      blessed: 1,
      reasons: [],
      requests: 4,
      instances: 20,
      batch_size: 5,
      model_version: 1,
    });
    const latency = meta.latency_ms as { p50: number; p95: number; max: number };
    expect(latency.p50).toBeGreaterThan(0);
    expect(latency.p50).toBeLessThanOrEqual(latency.p95);
    expect(latency.p95).toBeLessThanOrEqual(latency.max);
    expect(meta.warmup_ms).toBeGreaterThan(0);
    expect(logs.filter((l) => l.message === 'request').map((l) => l.fields?.done)).toEqual([1, 2, 3, 4]);
  });

  it('sends fewer rows than asked when the split is small, in batches that may be partial', async () => {
    const { result } = await run({ num_examples: 1000, batch_size: 50 });
    // 344 penguins, every third in eval.
    expect(result.metadata.infra_blessing).toMatchObject({ blessed: 1, instances: 114, requests: 3 });
  });

  it('does not bless a model whose p95 latency is above the bound', async () => {
    const { result, files } = await run({ max_latency_ms: 0 });
    expect(result.parameters.blessed).toBe(false);
    expect(files).toEqual(['INFRA_NOT_BLESSED']);
    const meta = result.metadata.infra_blessing!;
    const p95 = (meta.latency_ms as { p95: number }).p95;
    expect(meta.reasons).toEqual([`p95 latency ${p95} ms exceeds max_latency_ms 0 ms`]);
  });

  it('does not bless a model whose weights are truncated: the reason is the load failure', async () => {
    const corrupted = path.join(scratch.root, 'corrupted-model');
    await trainPenguinsModel(rawExamples, corrupted, { epochs: 1, learningRate: 0.02 });
    const weights = path.join(corrupted, '1', 'group1-shard1of1.bin');
    await truncate(weights, 40);
    const { result, files } = await run({}, { model: corrupted });
    expect(result.parameters.blessed).toBe(false);
    expect(files).toEqual(['INFRA_NOT_BLESSED']);
    const meta = result.metadata.infra_blessing!;
    expect(meta.reasons).toHaveLength(1);
    // 40 bytes = 10 floats where the first kernel needs 11 inputs × 8 units.
    expect(String((meta.reasons as string[])[0])).toMatch(
      /^the model failed to load: .*the tensor should have 88 values but has 10$/,
    );
    expect(meta).toMatchObject({ requests: 0, latency_ms: null, warmup_ms: null });
  });

  it('does not bless a model directory with a broken model.json', async () => {
    const broken = path.join(scratch.root, 'broken-json-model');
    await trainPenguinsModel(rawExamples, broken, { epochs: 1, learningRate: 0.02 });
    await writeFile(path.join(broken, '1', 'model.json'), '{"modelTopology": ');
    const { result } = await run({}, { model: broken });
    expect(result.parameters.blessed).toBe(false);
    expect(String((result.metadata.infra_blessing!.reasons as string[])[0])).toMatch(
      /^the model failed to load: NOT_FOUND: cannot read the tf.js model/,
    );
  });
});

describe('infra-validate core with a misbehaving serving runtime', () => {
  const fake = (name: string) => path.resolve(import.meta.dirname, '..', 'test', name);

  it('does not bless when the server crashes on a request, and names the crash', async () => {
    const { result } = await run({}, { serverModule: fake('crash-server.mjs') });
    expect(result.parameters.blessed).toBe(false);
    expect(result.metadata.infra_blessing!.reasons).toEqual([
      'warm-up request: the serving process exited with code 3 while answering a request: ' +
        'Segmentation fault in the model kernel',
    ]);
  });

  it('does not bless malformed answers, naming the request and the prediction', async () => {
    const { result } = await run({}, { serverModule: fake('malformed-server.mjs') });
    expect(result.parameters.blessed).toBe(false);
    const reasons = result.metadata.infra_blessing!.reasons as string[];
    expect(reasons[0]).toBe('warm-up request: prediction 0: probabilities sum to 1.3, not 1');
    expect(reasons).toContain('request 2/4: prediction 2: probabilities sum to 1.3, not 1');
    // 3 problems per answer, 5 answers: the list is capped at 10.
    expect(reasons).toHaveLength(11);
    expect(reasons.at(-1)).toBe('… and 5 more');
  });
});

describe('infra-validate core errors (broken inputs, not verdicts)', () => {
  it('throws NOT_FOUND when the examples have no such split', async () => {
    await expect(run({ eval_split: 'test' })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      details: { expected: 'Split-test/*.parquet' },
    });
  });

  it('throws BAD_CONFIG for a batch size of 0', async () => {
    await expect(run({ batch_size: 0 })).rejects.toMatchObject({
      code: 'BAD_CONFIG',
      details: { parameter: 'batch_size', found: '0' },
    });
  });
});

it('keeps the blessing file empty, as TFX does', async () => {
  const { files } = await run({ num_examples: 5 });
  const dir = path.join(scratch.root, `blessing-${runs}`);
  expect(await readFile(path.join(dir, files[0]!), 'utf8')).toBe('');
});
