import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openMetadataStore } from './open.js';
import { outputId, runInput, runTask } from './test-support/fixtures.js';

/**
 * What the SQLite backend writes, table by table: the ML Metadata model (types, contexts with a
 * parent, associations, attributions, events with paths, properties vs custom properties), so
 * anyone who knows MLMD can query the file directly.
 */
describe('sqlite rows follow the MLMD model', () => {
  it('records one run of extract → train as MLMD entities', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ctpipe-mlmd-'));
    const file = join(dir, 'm.sqlite');
    const store = openMetadataStore(file);
    await store.startRun(runInput('run-1'));
    const extract = await runTask(store, { runId: 'run-1', taskName: 'extract', outputs: ['examples'] });
    await runTask(store, {
      runId: 'run-1',
      taskName: 'train',
      componentName: 'comp-train',
      cacheKey: 'k',
      inputs: [{ key: 'examples', artifactId: outputId(extract, 'examples') }],
      outputs: ['model'],
    });
    await store.close();

    const db = new Database(file, { readonly: true });
    const all = (sql: string) => db.prepare(sql).all();
    expect(all('SELECT kind, name FROM type ORDER BY kind, name')).toEqual([
      { kind: 'ARTIFACT', name: 'system.Dataset' },
      { kind: 'CONTEXT', name: 'pipeline' },
      { kind: 'CONTEXT', name: 'pipeline_run' },
      { kind: 'EXECUTION', name: 'comp-train' },
      { kind: 'EXECUTION', name: 'extract' },
    ]);
    expect(
      all(`SELECT p.name, p.data_type FROM type_property p JOIN type t ON t.id = p.type_id
           WHERE t.name = 'comp-train' ORDER BY p.name`).map((r) => (r as { name: string }).name),
    ).toEqual([
      'cache_key',
      'error',
      'exit_code',
      'finished_at',
      'inputs',
      'outputs',
      'pid',
      'reused_from',
      'task_name',
    ]);
    expect(
      all(`SELECT c.name AS child, p.name AS parent FROM parent_context pc
           JOIN context c ON c.id = pc.context_id JOIN context p ON p.id = pc.parent_context_id`),
    ).toEqual([{ child: 'run-1', parent: 'ct' }]);
    expect(
      all(`SELECT c.name, count(*) AS n FROM association a JOIN context c ON c.id = a.context_id
           GROUP BY c.name ORDER BY c.name`),
    ).toEqual([
      { name: 'ct', n: 2 },
      { name: 'run-1', n: 2 },
    ]);
    expect(all('SELECT count(*) AS n FROM attribution')).toEqual([{ n: 4 }]);
    expect(all('SELECT type, path_key, path_index FROM event ORDER BY id')).toEqual([
      { type: 'OUTPUT', path_key: 'examples', path_index: 0 },
      { type: 'INPUT', path_key: 'examples', path_index: 0 },
      { type: 'OUTPUT', path_key: 'model', path_index: 0 },
    ]);
    expect(
      all(`SELECT name, is_custom, string_value FROM artifact_property ORDER BY artifact_id, name`),
    ).toEqual([
      { name: 'task', is_custom: 1, string_value: 'extract' },
      { name: 'task', is_custom: 1, string_value: 'train' },
    ]);
    expect(
      all(
        `SELECT p.name, p.struct_value FROM context_property p WHERE p.name IN ('parameters', 'state') ORDER BY p.name`,
      ),
    ).toEqual([
      { name: 'parameters', struct_value: '{"epochs":3}' },
      { name: 'state', struct_value: null },
    ]);
    db.close();
    rmSync(dir, { recursive: true, force: true });
  });
});
