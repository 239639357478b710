import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { tableFromArrays, tableToIPC } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type Engine, openEngine } from './engine.js';
import { writeParquet } from './parquet-writer.js';
import { fileSource } from './source.js';

describe('fileSource reads every supported format into a view', () => {
  let dir: string;
  let engine: Engine;
  const at = (f: string) => path.join(dir, f);
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'ctpipe-source-'));
    engine = await openEngine({ threads: 1 });
  });
  afterAll(async () => {
    await engine.close();
    await rm(dir, { recursive: true });
  });

  const read = async (location: string | string[], format?: 'ndjson' | 'json') => {
    const table = await fileSource(location, format ? { format } : {}).open(engine, 'src');
    const rows = await engine.query(`SELECT * FROM ${table.ref}`);
    return { table, rows };
  };

  it('CSV: exact header names, inferred types, quoted fields, empty → NULL', async () => {
    await writeFile(
      at('p.csv'),
      'Species,Beak Length (mm),Body Mass (g)\nAdelie,39.1,3750\n"Gentoo, big",,5000\n',
    );
    const { table, rows } = await read(at('p.csv'));
    expect(table.format).toBe('csv');
    expect(table.columns).toEqual([
      { name: 'Species', type: 'VARCHAR' },
      { name: 'Beak Length (mm)', type: 'DOUBLE' },
      { name: 'Body Mass (g)', type: 'BIGINT' },
    ]);
    expect(rows).toEqual([
      { Species: 'Adelie', 'Beak Length (mm)': 39.1, 'Body Mass (g)': '3750' },
      { Species: 'Gentoo, big', 'Beak Length (mm)': null, 'Body Mass (g)': '5000' },
    ]);
  });

  it('TSV and gzip-compressed CSV', async () => {
    await writeFile(at('t.tsv'), 'a\tb\n1\tx y\n');
    expect((await read(at('t.tsv'))).rows).toEqual([{ a: '1', b: 'x y' }]);
    await writeFile(at('g.csv.gz'), gzipSync('a,b\n2,z\n'));
    expect((await read(at('g.csv.gz'))).rows).toEqual([{ a: '2', b: 'z' }]);
  });

  it('CSV dates in a non-ISO format keep their sniffed format in the strict read', async () => {
    await writeFile(at('d.csv'), 'day,n\n13/02/2024,1\n01/03/2024,2\n');
    const { table, rows } = await read(at('d.csv'));
    expect(table.columns[0]).toEqual({ name: 'day', type: 'DATE' });
    expect(rows.map((r) => r.day)).toEqual(['2024-02-13', '2024-03-01']);
  });

  it('JSON array, NDJSON, and a .json file holding NDJSON', async () => {
    await writeFile(
      at('a.json'),
      JSON.stringify([
        { 'Body Mass (g)': 3750, Sex: null },
        { 'Body Mass (g)': 3800, Sex: 'F' },
      ]),
    );
    const arr = await read(at('a.json'));
    expect(arr.table.format).toBe('json');
    expect(arr.rows).toEqual([
      { 'Body Mass (g)': '3750', Sex: null },
      { 'Body Mass (g)': '3800', Sex: 'F' },
    ]);
    await writeFile(at('n.ndjson'), '{"k":1,"s":"a"}\n{"k":2,"s":"b"}\n');
    const nd = await read(at('n.ndjson'));
    expect(nd.table.format).toBe('ndjson');
    expect(nd.rows).toEqual([
      { k: '1', s: 'a' },
      { k: '2', s: 'b' },
    ]);
    await writeFile(at('nd-as.json'), '{"k":3}\n{"k":4}\n');
    expect((await read(at('nd-as.json'))).rows).toEqual([{ k: '3' }, { k: '4' }]);
  });

  it('Parquet', async () => {
    await writeParquet(engine, 'SELECT 1::INTEGER AS "Flipper Length (mm)", \'x\' AS s', at('x.parquet'));
    const { table, rows } = await read(at('x.parquet'));
    expect(table.columns).toEqual([
      { name: 'Flipper Length (mm)', type: 'INTEGER' },
      { name: 's', type: 'VARCHAR' },
    ]);
    expect(rows).toEqual([{ 'Flipper Length (mm)': 1, s: 'x' }]);
  });

  it('Arrow IPC file and stream formats', async () => {
    const arrow = tableFromArrays({ id: Int32Array.from([1, 2, 3]), name: ['a', 'b', null] });
    await writeFile(at('f.arrow'), tableToIPC(arrow, 'file'));
    await writeFile(at('s.arrows'), tableToIPC(arrow, 'stream'));
    for (const file of ['f.arrow', 's.arrows']) {
      const { table, rows } = await read(at(file));
      expect(table.format).toBe('arrow');
      expect(table.columns).toEqual([
        { name: 'id', type: 'INTEGER' },
        { name: 'name', type: 'VARCHAR' },
      ]);
      expect(rows).toEqual([
        { id: 1, name: 'a' },
        { id: 2, name: 'b' },
        { id: 3, name: null },
      ]);
    }
  });

  it('a directory reads its data files in name order and skips others', async () => {
    const sub = at('dir');
    await mkdir(sub);
    await writeFile(path.join(sub, '2.csv'), 'a\n2\n');
    await writeFile(path.join(sub, '1.csv'), 'a\n1\n');
    await writeFile(path.join(sub, 'README.md'), '# not data\n');
    const { table, rows } = await read(sub);
    expect(table.files.map((f) => path.basename(f))).toEqual(['1.csv', '2.csv']);
    expect(rows).toEqual([{ a: '1' }, { a: '2' }]);
  });

  it('files with different columns are unioned by name (CSV and Parquet)', async () => {
    await writeFile(at('u1.csv'), 'a,b\n1,x\n');
    await writeFile(at('u2.csv'), 'b,c\ny,2.5\n');
    const csv = await read([at('u1.csv'), at('u2.csv')]);
    expect(csv.table.columns.map((c) => c.name)).toEqual(['a', 'b', 'c']);
    expect(csv.rows).toEqual([
      { a: '1', b: 'x', c: null },
      { a: null, b: 'y', c: 2.5 },
    ]);
    await writeParquet(engine, 'SELECT 1 AS a', at('u1.parquet'));
    await writeParquet(engine, "SELECT 'z' AS b, 2 AS a", at('u2.parquet'));
    const pq = await read(path.join(dir, 'u*.parquet'));
    expect(pq.rows).toEqual([
      { a: 1, b: null },
      { a: 2, b: 'z' },
    ]);
  });
});
