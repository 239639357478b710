import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LATEST_SCHEMA_VERSION } from './internal/schema.js';
import { openMetadataStore } from './open.js';
import { runInput } from './test-support/fixtures.js';

describe('openMetadataStore', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'ctpipe-open-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('creates the file and its parent directories, in WAL mode with a busy timeout', async () => {
    const file = join(dir, 'a', 'b', 'metadata.sqlite');
    const store = openMetadataStore(file);
    expect(existsSync(file)).toBe(true);
    await store.close();
    const raw = new Database(file, { readonly: true });
    expect(raw.pragma('journal_mode', { simple: true })).toBe('wal');
    raw.close();
  });

  it('records applied migrations and keeps data across reopen', async () => {
    const file = join(dir, 'metadata.sqlite');
    const first = openMetadataStore(file);
    expect(first.schemaVersion).toBe(LATEST_SCHEMA_VERSION);
    await first.startRun(runInput('run-1'));
    await first.close();

    const second = openMetadataStore(file);
    expect((await second.getRun('run-1'))?.state).toBe('RUNNING');
    await second.close();

    const raw = new Database(file, { readonly: true });
    const rows = raw.prepare('SELECT version, name FROM schema_migration ORDER BY version').all();
    expect(rows).toEqual([
      { version: 1, name: 'initial mlmd-style schema' },
      { version: 2, name: 'run queue, run lock and trigger state' },
      { version: 3, name: 'run request attempts' },
    ]);
    raw.close();
  });

  it('upgrades a version-1 store in place: its runs stay, the run queue appears', async () => {
    const file = join(dir, 'metadata.sqlite');
    const v1 = openMetadataStore(file);
    await v1.startRun(runInput('old-run', { trigger: 'manual' }));
    await v1.close();
    // Roll the file back to what a version-1 ctpipe left: no trigger tables, one migration recorded.
    const raw = new Database(file);
    raw.exec('DROP TABLE run_request; DROP TABLE run_lock; DROP TABLE trigger_state');
    raw.exec('DELETE FROM schema_migration WHERE version > 1');
    raw.close();

    const upgraded = openMetadataStore(file);
    expect(upgraded.schemaVersion).toBe(3);
    expect(await upgraded.getRun('old-run')).toMatchObject({ trigger: 'manual', triggerReason: null });
    const { created } = await upgraded.enqueueRunRequest({
      pipelineName: 'ct',
      trigger: 'schedule',
      reason: 'due',
      parameters: {},
    });
    expect(created).toBe(true);
    await upgraded.close();
  });

  it('refuses a store written by a newer ctpipe and leaves it untouched', async () => {
    const file = join(dir, 'metadata.sqlite');
    await openMetadataStore(file).close();
    const raw = new Database(file);
    raw
      .prepare('INSERT INTO schema_migration (version, name, applied_at) VALUES (?, ?, ?)')
      .run(99, 'future', 0);
    raw.close();

    expect(() => openMetadataStore(file)).toThrowError(
      expect.objectContaining({
        code: 'UNSUPPORTED',
        details: { file, expected: `<= ${LATEST_SCHEMA_VERSION}`, found: '99' },
      }),
    );
    const check = new Database(file, { readonly: true });
    expect(check.prepare('SELECT max(version) AS v FROM schema_migration').get()).toEqual({ v: 99 });
    check.close();
  });

  it('refuses a file that is not an SQLite database', () => {
    const file = join(dir, 'notes.txt');
    writeFileSync(
      file,
      'this is not a database, just some text that is long enough to have a header\n'.repeat(10),
    );
    expect(() => openMetadataStore(file)).toThrowError(
      expect.objectContaining({ code: 'BAD_INPUT', details: expect.objectContaining({ file }) }),
    );
  });

  it('gives each :memory: store its own database', async () => {
    const a = openMetadataStore(':memory:');
    const b = openMetadataStore(':memory:');
    await a.startRun(runInput('run-1'));
    expect(await b.listRuns()).toEqual([]);
    expect((await a.listRuns()).length).toBe(1);
    await a.close();
    await b.close();
  });
});
