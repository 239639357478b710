import { execFile } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { childScript, compileForChildren } from '../test/compile-for-children.js';
import { openRegistry } from './model-registry.js';

const run = promisify(execFile);
const PER_WRITER = 6;

describe('two processes publishing into one registry at once', () => {
  let work: string;
  let entry: string;
  beforeAll(() => {
    ({ work, entry } = compileForChildren());
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('lands every version under its own number, and registry.json lists them all', async () => {
    const base = join(work, 'serving');
    const barrier = join(work, 'barrier');
    mkdirSync(barrier);
    const children = ['alpha', 'beta'].map((name) =>
      run(process.execPath, [
        childScript('publish-child.mjs'),
        entry,
        base,
        name,
        String(PER_WRITER),
        barrier,
        join(work, 'sources'),
      ]),
    );
    // Open the barrier once both children have prepared their sources, so their publishes overlap.
    while (readdirSync(barrier).filter((n) => n.startsWith('ready-')).length < 2) {
      await new Promise((r) => setTimeout(r, 10));
    }
    writeFileSync(join(barrier, 'go'), '');
    const results = await Promise.allSettled(children);
    expect(results.map((r) => (r.status === 'rejected' ? String(r.reason) : 'ok'))).toEqual(['ok', 'ok']);

    const registry = await openRegistry(base).get('penguins');
    const total = 2 * PER_WRITER;
    expect(registry.versions.map((v) => v.version)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    expect(new Set(registry.versions.map((v) => v.source)).size).toBe(total);
    const folders = readdirSync(join(base, 'penguins')).filter((n) => /^\d+$/.test(n));
    expect(folders).toHaveLength(total);
    // Each folder holds the files of the source its registry entry names.
    for (const v of registry.versions) {
      const [, , writer, i] = v.source.split('/');
      const model = JSON.parse(readFileSync(join(base, 'penguins', String(v.version), 'model.json'), 'utf8'));
      expect(model).toEqual({ writer, i: Number(i) });
    }
    expect(registry.labels.stable).toBe(1);
    expect(registry.labels.canary).toBe(total);
    expect(readdirSync(join(base, 'penguins')).filter((n) => n.startsWith('.'))).toEqual([]);
  });
});
