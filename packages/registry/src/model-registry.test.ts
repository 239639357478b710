import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, readFile, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openRegistry } from './model-registry.js';
import { readRegistryFile } from './read-registry.js';

const clock = () => new Date('2026-03-04T05:06:07.000Z');

async function modelDir(tag: string, files = 2): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'registry-src-'));
  await writeFile(join(dir, 'model.json'), JSON.stringify({ tag }));
  await mkdir(join(dir, 'assets'));
  for (let i = 1; i < files; i++) await writeFile(join(dir, 'assets', `shard${i}.bin`), Buffer.alloc(64, i));
  return dir;
}

async function listTree(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

describe('a local model registry', () => {
  it('numbers versions 1, 2, 3, copies the files and records registry.json in the agreed format', async () => {
    const base = await mkdtemp(join(tmpdir(), 'registry-'));
    const registry = openRegistry(base, { now: clock });
    const first = await registry.publishVersion({
      model: 'penguins',
      sourceDir: await modelDir('a'),
      source: '/runs/r1/train/model',
      runId: 'ctpipe-ct-r1',
      metrics: { accuracy: 0.97 },
      blessing: '/runs/r1/evaluate/blessing',
      rollout: { kind: 'canary', canaryPercent: 10 },
    });
    expect(first).toMatchObject({ version: 1, created: true, labels: ['stable'], uri: `${base}/penguins/1` });
    const second = await registry.publishVersion({
      model: 'penguins',
      sourceDir: await modelDir('b'),
      source: '/runs/r2/train/model',
      rollout: { kind: 'canary', canaryPercent: 10 },
    });
    expect(second).toMatchObject({ version: 2, labels: ['canary'] });

    expect(readdirSync(join(base, 'penguins')).sort()).toEqual(['1', '2', 'registry.json']);
    expect(await listTree(join(base, 'penguins', '2'))).toEqual(['assets/shard1.bin', 'model.json']);
    expect(readFileSync(join(base, 'penguins', '2', 'model.json'), 'utf8')).toBe('{"tag":"b"}');
    expect(statSync(join(base, 'penguins', '2')).mode & 0o777).toBe(0o755);
    expect(JSON.parse(readFileSync(join(base, 'penguins', 'registry.json'), 'utf8'))).toEqual({
      model: 'penguins',
      versions: [
        {
          version: 1,
          createdAt: '2026-03-04T05:06:07.000Z',
          source: '/runs/r1/train/model',
          runId: 'ctpipe-ct-r1',
          metrics: { accuracy: 0.97 },
          blessing: '/runs/r1/evaluate/blessing',
        },
        { version: 2, createdAt: '2026-03-04T05:06:07.000Z', source: '/runs/r2/train/model' },
      ],
      labels: { stable: 1, canary: 2 },
      canaryTrafficPercent: 10,
      updatedAt: '2026-03-04T05:06:07.000Z',
    });
    expect(await readRegistryFile(base, 'penguins')).toEqual(await registry.get('penguins'));
    expect(await readRegistryFile(base, 'other')).toBeUndefined();
  });

  it('registers a source once: a retried push returns the existing version and copies nothing', async () => {
    const base = await mkdtemp(join(tmpdir(), 'registry-'));
    const registry = openRegistry(base);
    const request = { model: 'penguins', sourceDir: await modelDir('a'), source: '/runs/r1/model' };
    await registry.publishVersion(request);
    const again = await registry.publishVersion(request);
    expect(again).toMatchObject({ version: 1, created: false });
    expect(readdirSync(join(base, 'penguins')).sort()).toEqual(['1', 'registry.json']);
  });

  it('skips version folders it did not create (TF Serving tooling, by hand)', async () => {
    const base = await mkdtemp(join(tmpdir(), 'registry-'));
    await mkdir(join(base, 'penguins', '7'), { recursive: true });
    await writeFile(join(base, 'penguins', '7', 'model.json'), '{}');
    const registry = openRegistry(base);
    const published = await registry.publishVersion({
      model: 'penguins',
      sourceDir: await modelDir('a'),
      source: '/runs/r1/model',
    });
    expect(published.version).toBe(8);
  });

  it('publishes nothing when the copy fails midway: no version folder, no staging left, registry unchanged', async () => {
    const base = await mkdtemp(join(tmpdir(), 'registry-'));
    const registry = openRegistry(base);
    await registry.publishVersion({
      model: 'penguins',
      sourceDir: await modelDir('a'),
      source: '/runs/r1/model',
    });
    const before = await readFile(join(base, 'penguins', 'registry.json'), 'utf8');
    const broken = await modelDir('b', 5);
    // A dangling link sorts after the other files: the copy fails after it has written some of them.
    await symlink(join(broken, 'gone'), join(broken, 'zz-weights.bin'));
    await expect(
      registry.publishVersion({ model: 'penguins', sourceDir: broken, source: '/runs/r2/model' }),
    ).rejects.toMatchObject({ code: 'BAD_INPUT', details: { path: broken } });
    expect(readdirSync(join(base, 'penguins')).sort()).toEqual(['1', 'registry.json']);
    expect(await readFile(join(base, 'penguins', 'registry.json'), 'utf8')).toBe(before);
  });

  it('never shows a reader a version folder without all its files', async () => {
    const base = await mkdtemp(join(tmpdir(), 'registry-'));
    const registry = openRegistry(base);
    const source = await modelDir('a', 300);
    const expected = await listTree(source);
    const seen: string[][] = [];
    let done = false;
    const watcher = (async () => {
      while (!done) {
        const names = existsSync(join(base, 'penguins')) ? readdirSync(join(base, 'penguins')) : [];
        if (names.includes('1'))
          seen.push(await listTree(join(base, 'penguins', '1')).catch(() => ['(gone)']));
        await new Promise((r) => setImmediate(r));
      }
    })();
    await registry.publishVersion({ model: 'penguins', sourceDir: source, source: '/runs/r1/model' });
    done = true;
    await watcher;
    seen.push(await listTree(join(base, 'penguins', '1')));
    expect(seen.every((files) => files.length === expected.length)).toBe(true);
  });

  it('lists models, shows versions by number or label, moves labels, promotes and rolls back', async () => {
    const base = await mkdtemp(join(tmpdir(), 'registry-'));
    const registry = openRegistry(base);
    for (const [model, i] of [
      ['penguins', 1],
      ['penguins', 2],
      ['penguins', 3],
      ['iris', 1],
    ] as const) {
      await registry.publishVersion({
        model,
        sourceDir: await modelDir(`${model}${i}`),
        source: `/runs/${model}${i}`,
        rollout: { kind: 'canary', canaryPercent: 20 },
      });
    }
    expect((await registry.list()).map((r) => [r.model, r.labels])).toEqual([
      ['iris', { stable: 1 }],
      ['penguins', { stable: 1, canary: 3 }],
    ]);
    expect(await registry.show('penguins')).toMatchObject({ version: 1, labels: ['stable'] });
    expect(await registry.show('penguins', 'canary')).toMatchObject({
      version: 3,
      source: '/runs/penguins3',
      uri: `${base}/penguins/3`,
    });
    expect(await registry.show('penguins', 2)).toMatchObject({ version: 2, labels: [] });

    await registry.setLabel('penguins', 'shadow', 2);
    expect(await registry.show('penguins', 'shadow')).toMatchObject({ version: 2, labels: ['shadow'] });
    await expect(registry.setLabel('penguins', 'shadow', 9)).rejects.toMatchObject({
      code: 'NOT_FOUND',
      details: { model: 'penguins', version: 9 },
    });
    expect((await registry.setCanaryShare('penguins', 50)).canaryTrafficPercent).toBe(50);

    expect((await registry.promote('penguins')).labels).toEqual({ stable: 3, shadow: 2 });
    await registry.publishVersion({
      model: 'penguins',
      sourceDir: await modelDir('p4'),
      source: '/runs/penguins4',
      rollout: { kind: 'canary', canaryPercent: 10 },
    });
    const rolledBack = await registry.rollback('penguins');
    expect(rolledBack.labels).toEqual({ stable: 3, shadow: 2 });
    expect(rolledBack.canaryTrafficPercent).toBe(0);
    expect(rolledBack.versions.map((v) => v.version)).toEqual([1, 2, 3, 4]);

    await expect(registry.show('nope')).rejects.toMatchObject({
      code: 'NOT_FOUND',
      details: { model: 'nope' },
    });
    await expect(registry.show('penguins', 'canary')).rejects.toMatchObject({
      details: { model: 'penguins', label: 'canary' },
    });
  });

  it('resolves a relative base path against cwd and rejects bad names', async () => {
    const cwd = await mkdtemp(join(tmpdir(), 'registry-cwd-'));
    const registry = openRegistry('serving', { cwd });
    expect(registry.basePath).toBe(join(cwd, 'serving'));
    await expect(
      registry.publishVersion({ model: '../x', sourceDir: cwd, source: 's' }),
    ).rejects.toMatchObject({ code: 'BAD_INPUT', details: { model: '../x' } });
    await expect(
      registry.publishVersion({ model: 'm', sourceDir: join(cwd, 'missing'), source: 's' }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
