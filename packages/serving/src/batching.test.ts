import path from 'node:path';
import { loadServingModel } from '@ctpipe/model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type PredictionServer } from './create-server.js';
import {
  emptyModelBase,
  PENGUIN,
  postJson,
  publishVersion,
  recordingLogger,
  trainedPenguinVersion,
} from './test-support/penguin-base.js';

let model: Awaited<ReturnType<typeof trainedPenguinVersion>>;
let base: Awaited<ReturnType<typeof emptyModelBase>>;
let serving: PredictionServer;
const modelCalls: number[] = [];

const ADELIE = {
  ...PENGUIN,
  Island: 'Torgersen',
  'Beak Length (mm)': 39.1,
  'Beak Depth (mm)': 18.7,
  'Flipper Length (mm)': 181,
  'Body Mass (g)': 3750,
};

beforeAll(async () => {
  model = await trainedPenguinVersion();
  base = await emptyModelBase();
  await publishVersion(model.dir, base.modelBase, 1);
  serving = createServer({
    modelBasePath: base.modelBase,
    modelName: 'penguin',
    pollIntervalMs: 0,
    logger: recordingLogger(),
    // A long timeout and 20 rows a batch: the batch runs exactly when the 20th row arrives.
    batching: { maxBatchSize: 20, batchTimeoutMicros: 30_000_000, maxEnqueuedBatches: 4 },
    loadModel: async (dir) => {
      const served = await loadServingModel(dir);
      expect(path.basename(dir)).toBe('1');
      return {
        ...served,
        predict: (rows) => {
          modelCalls.push(rows.length);
          return served.predict(rows);
        },
      };
    },
  });
  await serving.listen(0);
});

afterAll(async () => {
  await serving.close();
  await base.cleanup();
  await model.cleanup();
});

describe('batching in the server', () => {
  it('merges 20 concurrent requests into one model call; each gets its own answer', async () => {
    const address = serving.server.address() as import('node:net').AddressInfo;
    modelCalls.length = 0;
    const instances = Array.from({ length: 20 }, (_, i) => (i % 3 === 0 ? ADELIE : PENGUIN));
    const answers = await Promise.all(
      instances.map((instance) => postJson(address, '/v1/models/penguin:predict', { instances: [instance] })),
    );
    expect(modelCalls).toEqual([20]);
    expect(
      answers.map((a) => (a.json() as { predictions: { classes: string }[] }).predictions[0]!.classes),
    ).toEqual(instances.map((i) => (i === ADELIE ? 'Adelie' : 'Gentoo')));
    const stats = serving.stats().versions[0]!;
    expect([stats.requests, stats.rows, stats.predict_calls]).toEqual([20, 20, 1]);
  });

  it('a bad request among them is refused before it is queued; the batch of the others runs', async () => {
    const address = serving.server.address() as import('node:net').AddressInfo;
    modelCalls.length = 0;
    const good = Array.from({ length: 20 }, () =>
      postJson(address, '/v1/models/penguin:predict', { instances: [PENGUIN] }),
    );
    const bad = postJson(address, '/v1/models/penguin:predict', {
      instances: [{ ...PENGUIN, 'Body Mass (g)': 'heavy' }],
    });
    const [badAnswer, ...goodAnswers] = await Promise.all([bad, ...good]);
    expect(badAnswer!.status).toBe(400);
    expect(goodAnswers.map((a) => a.status)).toEqual(Array(20).fill(200));
    expect(modelCalls).toEqual([20]);
  });
});
