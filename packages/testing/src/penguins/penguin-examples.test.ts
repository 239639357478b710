import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { openEngine, quoteLiteral } from '@ctpipe/data';
import { afterEach, describe, expect, it } from 'vitest';
import { writePenguinExamples, writeRawPenguins } from './penguin-examples.js';

let dir = '';
afterEach(() => rm(dir, { recursive: true, force: true }));

async function rows(file: string, sql: string): Promise<Record<string, unknown>[]> {
  const engine = await openEngine({ threads: 1 });
  try {
    return await engine.query(sql.replace('$file', `read_parquet(${quoteLiteral(file)})`));
  } finally {
    await engine.close();
  }
}

describe('writeRawPenguins', () => {
  it("splits the 344 penguins 2:1 in file order into extract's layout", async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'testing-penguins-'));
    await writeRawPenguins(dir);
    expect((await readdir(dir)).sort()).toEqual(['Split-eval', 'Split-train']);
    const train = path.join(dir, 'Split-train', 'data_0.parquet');
    const evalFile = path.join(dir, 'Split-eval', 'data_0.parquet');
    expect(await rows(train, 'SELECT count(*)::INTEGER AS n FROM $file')).toEqual([{ n: 230 }]);
    expect(await rows(evalFile, 'SELECT count(*)::INTEGER AS n FROM $file')).toEqual([{ n: 114 }]);
    const [first] = await rows(evalFile, 'SELECT * FROM $file LIMIT 1');
    expect(Object.keys(first ?? {}).sort()).toEqual([
      'Beak Depth (mm)',
      'Beak Length (mm)',
      'Body Mass (g)',
      'Flipper Length (mm)',
      'Island',
      'Sex',
      'Species',
    ]);
  });

  it('applies a select that changes columns, keeping file order within a split', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'testing-penguins-'));
    await writeRawPenguins(dir, 'SELECT rn, Species FROM penguins');
    const first = (split: string) =>
      rows(path.join(dir, `Split-${split}`, 'data_0.parquet'), 'SELECT rn::INTEGER AS rn FROM $file LIMIT 3');
    expect(await first('eval')).toEqual([{ rn: 3 }, { rn: 6 }, { rn: 9 }]);
    expect(await first('train')).toEqual([{ rn: 1 }, { rn: 2 }, { rn: 4 }]);
  });
});

describe('writePenguinExamples', () => {
  it('returns the Examples artifact extract would hand on', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'testing-penguins-'));
    const examples = await writePenguinExamples(dir, { span: 4 });
    expect(examples).toMatchObject({
      uri: dir,
      path: dir,
      type: { schemaTitle: 'system.Dataset' },
      metadata: { split_names: '["train","eval"]', span: 4 },
    });
    expect(await readdir(path.join(dir, 'Split-train'))).toEqual(['data_0.parquet']);
  });
});
