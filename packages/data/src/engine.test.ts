import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { CtpipeError } from '@ctpipe/errors';
import { describe, expect, it } from 'vitest';
import { openEngine } from './engine.js';

describe('openEngine', () => {
  it('applies threads and memory limit, and removes its own temp dir on close', async () => {
    const engine = await openEngine({ threads: 1, memoryLimit: '512MB' });
    const rows = await engine.query(
      "SELECT name, value FROM duckdb_settings() WHERE name IN ('threads', 'memory_limit', 'preserve_insertion_order') ORDER BY name",
    );
    expect(rows).toEqual([
      { name: 'memory_limit', value: '488.2 MiB' },
      { name: 'preserve_insertion_order', value: 'true' },
      { name: 'threads', value: '1' },
    ]);
    expect(existsSync(engine.tempDir)).toBe(true);
    await engine.close();
    expect(existsSync(engine.tempDir)).toBe(false);
  });

  it('leaves a caller-given temp dir in place', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'ctpipe-engine-test-'));
    const engine = await openEngine({ tempDir: dir });
    expect(engine.tempDir).toBe(dir);
    await engine.close();
    expect(existsSync(dir)).toBe(true);
    await rm(dir, { recursive: true });
  });

  it('returns rows written by a statement and 64-bit integers as strings', async () => {
    const engine = await openEngine({ threads: 1 });
    try {
      await engine.run('CREATE TABLE t (i BIGINT)');
      expect(await engine.run('INSERT INTO t SELECT range FROM range(5)')).toBe(5);
      expect(await engine.query('SELECT sum(i) AS s, 9007199254740993::BIGINT AS big FROM t')).toEqual([
        { s: '10', big: '9007199254740993' },
      ]);
    } finally {
      await engine.close();
    }
  });

  it('turns DuckDB input errors into BAD_INPUT and leaves other errors alone', async () => {
    const engine = await openEngine({ threads: 1 });
    try {
      const bad = await engine.run("SELECT CAST('x' AS INTEGER)").catch((e: unknown) => e);
      expect(bad).toBeInstanceOf(CtpipeError);
      expect((bad as CtpipeError).code).toBe('BAD_INPUT');
      const other = await engine.run('SELECT * FROM no_such_table').catch((e: unknown) => e);
      expect(other).not.toBeInstanceOf(CtpipeError);
      expect((other as Error).message).toMatch(/no_such_table/);
    } finally {
      await engine.close();
    }
  });
});
