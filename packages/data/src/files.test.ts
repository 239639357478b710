import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { CtpipeError } from '@ctpipe/errors';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { globRegExpSource, listFiles, localPath } from './files.js';

describe('listFiles', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'ctpipe-files-'));
    for (const f of [
      'a/1.csv',
      'a/2.csv',
      'a/x.json',
      'a/_SUCCESS',
      'a/.hidden.csv',
      'b/c/3.csv',
      'b/4.csv',
    ]) {
      await mkdir(path.dirname(path.join(dir, f)), { recursive: true });
      await writeFile(path.join(dir, f), 'x\n');
    }
  });
  afterAll(() => rm(dir, { recursive: true }));

  const rel = (files: string[]) => files.map((f) => path.relative(dir, f));

  it('lists one file, a directory (visible files, sorted) and globs', async () => {
    expect(rel(await listFiles(path.join(dir, 'a/2.csv')))).toEqual(['a/2.csv']);
    expect(rel(await listFiles(path.join(dir, 'a')))).toEqual(['a/1.csv', 'a/2.csv', 'a/x.json']);
    expect(rel(await listFiles(path.join(dir, 'a/*.csv')))).toEqual(['a/1.csv', 'a/2.csv']);
    expect(rel(await listFiles(path.join(dir, '*/?.csv')))).toEqual(['a/1.csv', 'a/2.csv', 'b/4.csv']);
    expect(rel(await listFiles(path.join(dir, 'b/**/*.csv')))).toEqual(['b/4.csv', 'b/c/3.csv']);
    expect(rel(await listFiles(path.join(dir, 'a/[12].csv')))).toEqual(['a/1.csv', 'a/2.csv']);
  });

  it('says NOT_FOUND with the pattern when nothing matches', async () => {
    for (const pattern of [path.join(dir, 'nope.csv'), path.join(dir, 'a/*.parquet')]) {
      const err = await listFiles(pattern).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(CtpipeError);
      expect(err).toMatchObject({ code: 'NOT_FOUND', details: { path: pattern } });
      expect((err as Error).message).toContain(pattern);
    }
  });

  it('maps gs:// to the /gcs FUSE mount and file:// to a path', () => {
    expect(localPath('gs://bucket/data/x.csv')).toBe('/gcs/bucket/data/x.csv');
    expect(localPath('file:///tmp/x.csv')).toBe('/tmp/x.csv');
    expect(localPath('rel/x.csv')).toBe('rel/x.csv');
  });

  it('compiles globs to anchored-able regular expressions', () => {
    const re = (g: string) => new RegExp(`^${globRegExpSource(g)}$`);
    expect(re('data/*.csv').test('data/a.csv')).toBe(true);
    expect(re('data/*.csv').test('data/x/a.csv')).toBe(false);
    expect(re('data/**/*.csv').test('data/x/y/a.csv')).toBe(true);
    expect(re('data/**/*.csv').test('data/a.csv')).toBe(true);
    expect(re('a+b(1).csv').test('a+b(1).csv')).toBe(true);
    expect(re('[!a].csv').test('b.csv')).toBe(true);
    expect(re('[!a].csv').test('a.csv')).toBe(false);
  });
});
