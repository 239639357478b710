import { execFile } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openMetadataStore } from './open.js';
import { childScript, compileForChildren } from './test-support/compile-for-children.js';

const run = promisify(execFile);
const REQUESTS = 60;

describe('two trigger workers claiming from one store', () => {
  let work: string;
  let entry: string;
  beforeAll(() => {
    ({ work, entry } = compileForChildren());
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('claims every request exactly once', async () => {
    const file = join(work, 'store', 'metadata.sqlite');
    const barrier = join(work, 'barrier');
    mkdirSync(barrier);
    const store = openMetadataStore(file);
    const ids: number[] = [];
    for (let i = 0; i < REQUESTS; i++) {
      const { request } = await store.enqueueRunRequest({
        pipelineName: i % 2 === 0 ? 'ct' : 'other',
        trigger: 'schedule',
        reason: `request ${i}`,
        parameters: { i },
      });
      ids.push(request.id);
    }
    const children = ['alpha', 'beta'].map((name) =>
      run(process.execPath, [childScript('claimer.mjs'), entry, file, barrier, name]),
    );
    const outputs = await Promise.all(children);
    const claimed = outputs.map((o) => o.stdout.split('\n').filter(Boolean).map(Number));
    expect([...claimed.flat()].sort((a, b) => a - b)).toEqual(ids);
    const requests = await store.listRunRequests();
    expect(requests.filter((r) => r.state !== 'STARTED')).toEqual([]);
    // Each request's run id names the worker that claimed it, and only that one.
    for (const [w, name] of ['alpha', 'beta'].entries()) {
      for (const id of claimed[w] ?? []) {
        expect(requests.find((r) => r.id === id)?.runId).toBe(`${name}-${id}`);
      }
    }
    await store.close();
  });
});
