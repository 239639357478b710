import { execFile } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openMetadataStore } from './open.js';
import { childScript, compileForChildren } from './test-support/compile-for-children.js';

const run = promisify(execFile);
const RUNS = 15;
const TASKS = 6;

describe('two runner processes sharing one store', () => {
  let work: string;
  let entry: string;
  beforeAll(() => {
    ({ work, entry } = compileForChildren());
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('records every run and execution of both, with no lost or failed write', async () => {
    const file = join(work, 'store', 'metadata.sqlite');
    const barrier = join(work, 'barrier');
    mkdirSync(barrier);
    const children = ['alpha', 'beta'].map((name) =>
      run(process.execPath, [
        childScript('hammer.mjs'),
        entry,
        file,
        name,
        String(RUNS),
        String(TASKS),
        barrier,
      ]),
    );
    const results = await Promise.allSettled(children);
    expect(results.map((r) => (r.status === 'rejected' ? String(r.reason) : 'ok'))).toEqual(['ok', 'ok']);

    const store = openMetadataStore(file);
    const runs = await store.listRuns();
    expect(runs).toHaveLength(2 * RUNS);
    expect(new Set(runs.map((r) => r.runId)).size).toBe(2 * RUNS);
    expect(
      runs.filter((r) => r.state !== 'SUCCEEDED' || r.tasks.COMPLETE !== TASKS || r.tasks.total !== TASKS),
    ).toEqual([]);
    // Each chain is intact: the last artifact of a run traces back through all its tasks.
    for (const name of ['alpha', 'beta']) {
      const lineage = await store.lineage(`/art/${name}-${RUNS - 1}/${TASKS - 1}`);
      let depth = 0;
      for (let step = lineage.producer; step; step = step.inputs[0]?.producer ?? null) depth++;
      expect(depth).toBe(TASKS);
    }
    await store.close();
  });
});
