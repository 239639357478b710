import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { readTrialData, writeTrialData } from './trial-data.js';

it('hands typed arrays to trial processes unchanged, index features and label types included', async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'ctpipe-trial-data-'));
  try {
    const train = {
      n: 3,
      features: Float32Array.of(0.5, -1, 2, 3.25, Number.NaN, 1e-8),
      labels: Int32Array.of(2, 0, 1),
      indices: { island: Int32Array.of(1, 1, 0), sex: Int32Array.of(0, 2, 1) },
    };
    // A view into a larger buffer: only its own bytes may be written.
    const backing = new Float32Array([9, 9, 1.5, 2.5]);
    const evalSet = { n: 1, features: backing.subarray(2, 4), labels: Float32Array.of(0.75) };
    await writeTrialData(path.join(dir, 'data'), { train, eval: evalSet });
    const read = await readTrialData(path.join(dir, 'data'));
    expect(read.train).toEqual(train);
    expect(read.eval).toEqual({ n: 1, features: Float32Array.of(1.5, 2.5), labels: Float32Array.of(0.75) });
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
