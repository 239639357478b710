import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { CtpipeError } from '@ctpipe/errors';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Engine, openEngine } from './engine.js';
import { fileSource } from './source.js';

/** Opening a source and reading it through; returns the error it fails with. */
async function failure(engine: Engine, location: string | string[]): Promise<CtpipeError> {
  const err = await fileSource(location)
    .open(engine, 'src')
    .then((t) => engine.query(`SELECT * FROM ${t.ref}`))
    .then(
      () => undefined,
      (e: unknown) => e,
    );
  if (!(err instanceof CtpipeError)) throw new Error(`expected a CtpipeError, got ${String(err)}`);
  return err;
}

describe('fileSource errors name the file and the place', () => {
  let dir: string;
  let engine: Engine;
  const at = (f: string) => path.join(dir, f);
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'ctpipe-source-err-'));
    engine = await openEngine({ threads: 1 });
  });
  afterAll(async () => {
    await engine.close();
    await rm(dir, { recursive: true });
  });

  it('a CSV row with too many fields → BAD_INPUT with file, line, expected and found', async () => {
    await writeFile(at('wide.csv'), 'a,b\n1,x\n2,y,3\n4,z\n');
    const err = await failure(engine, at('wide.csv'));
    expect(err.code).toBe('BAD_INPUT');
    expect(err.details).toMatchObject({
      file: at('wide.csv'),
      line: 3,
      expected: '2 columns',
      found: '3 columns',
    });
    expect(err.details.content).toBe('2,y,3');
    expect(err.message).toBe(`${at('wide.csv')}:3: row has 3 columns, the header has 2`);
  });

  it('a CSV value that does not fit the inferred type → BAD_INPUT with the column', async () => {
    const rows = Array.from({ length: 25_000 }, (_, i) => `${i},q`).join('\n');
    await writeFile(at('late.csv'), `n,s\n${rows}\noops,q\n`);
    const err = await failure(engine, at('late.csv'));
    expect(err.code).toBe('BAD_INPUT');
    expect(err.details).toMatchObject({
      file: at('late.csv'),
      line: 25_002,
      column: 'n',
      expected: 'BIGINT',
      found: 'oops',
    });
  });

  it('an empty CSV file → BAD_INPUT', async () => {
    await writeFile(at('empty.csv'), '');
    const err = await failure(engine, at('empty.csv'));
    expect(err).toMatchObject({ code: 'BAD_INPUT', details: { file: at('empty.csv'), line: 1 } });
  });

  it('malformed NDJSON → BAD_INPUT with file and line', async () => {
    await writeFile(at('bad.ndjson'), '{"a":1}\n{"a":2}\n{"a":3,\n{"a":4}\n');
    const err = await failure(engine, at('bad.ndjson'));
    expect(err.code).toBe('BAD_INPUT');
    expect(err.details).toMatchObject({ file: at('bad.ndjson'), line: 4 });
    expect(err.message).toMatch(/Malformed JSON/);
  });

  it('malformed JSON array → BAD_INPUT with file and record', async () => {
    await writeFile(at('bad.json'), '[{"a":1},\n{"a":2\n{"a":3}]');
    const err = await failure(engine, at('bad.json'));
    expect(err).toMatchObject({ code: 'BAD_INPUT', details: { file: at('bad.json'), row: 3 } });
  });

  it('a corrupt Parquet or Arrow file → BAD_INPUT naming it', async () => {
    await writeFile(at('bad.parquet'), 'PAR1 this is not parquet at all PAR0');
    expect(await failure(engine, at('bad.parquet'))).toMatchObject({
      code: 'BAD_INPUT',
      details: { file: at('bad.parquet') },
    });
    await writeFile(at('bad.arrow'), 'not arrow');
    expect(await failure(engine, at('bad.arrow'))).toMatchObject({
      code: 'BAD_INPUT',
      details: { file: at('bad.arrow') },
    });
  });

  it('an unknown extension → UNSUPPORTED naming the file and the supported types', async () => {
    await writeFile(at('data.xlsx'), 'x');
    const err = await failure(engine, at('data.xlsx'));
    expect(err.code).toBe('UNSUPPORTED');
    expect(err.details.file).toBe(at('data.xlsx'));
    expect(err.message).toContain('.csv');
    expect(err.message).toContain('.parquet');
  });

  it('a missing file or an empty glob → NOT_FOUND naming the pattern', async () => {
    expect(await failure(engine, at('missing.csv'))).toMatchObject({
      code: 'NOT_FOUND',
      details: { path: at('missing.csv') },
    });
    expect(await failure(engine, at('*.orc'))).toMatchObject({
      code: 'NOT_FOUND',
      details: { path: at('*.orc') },
    });
    expect(await failure(engine, [at('missing.csv')])).toMatchObject({
      code: 'NOT_FOUND',
      details: { file: at('missing.csv') },
    });
  });

  it('a glob mixing formats → BAD_INPUT listing them', async () => {
    await writeFile(at('mix.csv'), 'a\n1\n');
    await writeFile(at('mix.ndjson'), '{"a":1}\n');
    const err = await failure(engine, at('mix.*'));
    expect(err.code).toBe('BAD_INPUT');
    expect(err.message).toMatch(/csv, json|json, csv/);
  });
});
