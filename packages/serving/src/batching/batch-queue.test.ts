import { CtpipeError } from '@ctpipe/errors';
import type { Prediction } from '@ctpipe/model';
import { describe, expect, it } from 'vitest';
import type { Row } from '../predict/parse-predict-body.js';
import { BatchQueue } from './batch-queue.js';

/** A model that answers each row's `x` back as its value and records its calls. */
function echoModel() {
  const calls: number[][] = [];
  const predict = (rows: Row[]): Prediction => {
    calls.push(rows.map((r) => r.x as number));
    if (rows.some((r) => r.x === -1)) throw new CtpipeError('BAD_INPUT', 'x = -1 is not allowed');
    return { values: rows.map((r) => r.x as number) };
  };
  return { calls, predict };
}

const rows = (...xs: number[]): Row[] => xs.map((x) => ({ x }));
const settle = <T>(p: Promise<T>) =>
  p.then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );

describe('BatchQueue', () => {
  it('merges requests submitted together into one model call and gives each its own slice', async () => {
    const model = echoModel();
    const calledRows: number[] = [];
    const queue = new BatchQueue(
      model.predict,
      { maxBatchSize: 100, batchTimeoutMicros: 0, maxEnqueuedBatches: 10 },
      (n) => calledRows.push(n),
    );
    const answers = await Promise.all([
      queue.submit(rows(1)),
      queue.submit(rows(2, 3)),
      queue.submit(rows(4)),
    ]);
    expect(model.calls).toEqual([[1, 2, 3, 4]]);
    expect(calledRows).toEqual([4]);
    expect(answers).toEqual([{ values: [1] }, { values: [2, 3] }, { values: [4] }]);
  });

  it('closes a batch at maxBatchSize rows and starts the next', async () => {
    const model = echoModel();
    const queue = new BatchQueue(
      model.predict,
      { maxBatchSize: 3, batchTimeoutMicros: 0, maxEnqueuedBatches: 10 },
      () => {},
    );
    await Promise.all([1, 2, 3, 4, 5].map((x) => queue.submit(rows(x))));
    expect(model.calls).toEqual([
      [1, 2, 3],
      [4, 5],
    ]);
  });

  it('runs a request larger than maxBatchSize alone', async () => {
    const model = echoModel();
    const queue = new BatchQueue(
      model.predict,
      { maxBatchSize: 2, batchTimeoutMicros: 0, maxEnqueuedBatches: 10 },
      () => {},
    );
    await Promise.all([queue.submit(rows(1)), queue.submit(rows(2, 3, 4)), queue.submit(rows(5))]);
    expect(model.calls).toEqual([[1], [2, 3, 4], [5]]);
  });

  it('waits batchTimeoutMicros for more requests, or less once the batch is full', async () => {
    const model = echoModel();
    const queue = new BatchQueue(
      model.predict,
      { maxBatchSize: 3, batchTimeoutMicros: 20_000, maxEnqueuedBatches: 10 },
      () => {},
    );
    const first = queue.submit(rows(1));
    await new Promise((resolve) => setImmediate(resolve));
    expect(model.calls).toEqual([]); // still waiting for more
    const more = [queue.submit(rows(2)), queue.submit(rows(3))]; // full: runs without waiting out the timeout
    await Promise.all([first, ...more]);
    expect(model.calls).toEqual([[1, 2, 3]]);
    await queue.submit(rows(4)); // alone: runs when the timeout passes
    expect(model.calls).toEqual([[1, 2, 3], [4]]);
  });

  it('refuses with UNAVAILABLE beyond maxEnqueuedBatches', async () => {
    const model = echoModel();
    const queue = new BatchQueue(
      model.predict,
      { maxBatchSize: 1, batchTimeoutMicros: 0, maxEnqueuedBatches: 2 },
      () => {},
    );
    const results = await Promise.all([1, 2, 3].map((x) => settle(queue.submit(rows(x)))));
    expect(results.slice(0, 2)).toEqual([{ value: { values: [1] } }, { value: { values: [2] } }]);
    const refused = (results[2] as { error: CtpipeError }).error;
    expect(refused.code).toBe('UNAVAILABLE');
    expect(refused.message).toBe('The batch scheduling queue to which this task was submitted is full');
  });

  it('a request the model refuses fails alone; the others of its batch are answered', async () => {
    const model = echoModel();
    const queue = new BatchQueue(
      model.predict,
      { maxBatchSize: 10, batchTimeoutMicros: 0, maxEnqueuedBatches: 2 },
      () => {},
    );
    const results = await Promise.all([rows(1), rows(-1, 2), rows(3)].map((r) => settle(queue.submit(r))));
    expect(results[0]).toEqual({ value: { values: [1] } });
    expect((results[1] as { error: CtpipeError }).error.message).toBe('x = -1 is not allowed');
    expect(results[2]).toEqual({ value: { values: [3] } });
    expect(model.calls).toEqual([[1, -1, 2, 3], [1], [-1, 2], [3]]);
  });

  it('a failing model fails every request of the batch', async () => {
    const queue = new BatchQueue(
      () => {
        throw new Error('wasm out of memory');
      },
      { maxBatchSize: 10, batchTimeoutMicros: 0, maxEnqueuedBatches: 2 },
      () => {},
    );
    const results = await Promise.all([rows(1), rows(2)].map((r) => settle(queue.submit(r))));
    expect(results.map((r) => ('error' in r ? (r.error as Error).message : 'ok'))).toEqual([
      'wasm out of memory',
      'wasm out of memory',
    ]);
  });

  it('whenIdle waits for the queued batches', async () => {
    const model = echoModel();
    const queue = new BatchQueue(
      model.predict,
      { maxBatchSize: 1, batchTimeoutMicros: 0, maxEnqueuedBatches: 10 },
      () => {},
    );
    const answered: number[] = [];
    for (const x of [1, 2, 3]) void queue.submit(rows(x)).then(() => answered.push(x));
    await queue.whenIdle();
    await Promise.resolve();
    expect(model.calls).toEqual([[1], [2], [3]]);
    expect(answered).toEqual([1, 2, 3]);
  });
});
