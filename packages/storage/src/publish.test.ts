import { mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createStagingDir, publishDir } from './publish.js';

// /dev/shm is usually a tmpfs, another filesystem than the temp dir: rename(2) across them fails with EXDEV.
const shm = '/dev/shm';
const otherFs = await stat(shm).then(
  async (s) => s.isDirectory() && s.dev !== (await stat(tmpdir())).dev,
  () => false,
);

describe('createStagingDir + publishDir', () => {
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'ctpipe-publish-'));
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('stages in a hidden sibling, creating the parents', async () => {
    const final = join(root, 'run', 'task', 'model');
    const staging = await createStagingDir(final);
    expect(dirname(staging)).toBe(dirname(final));
    expect(basename(staging)).toMatch(/^\.model\.partial-\w{6}$/);
    expect(await readdir(staging)).toEqual([]);
    expect(await createStagingDir(final)).not.toBe(staging);
  });

  it('keeps finalDir absent while staging is written, then shows it whole', async () => {
    const final = join(root, 'model');
    const staging = await createStagingDir(final);
    await writeFile(join(staging, 'model.json'), '{}');
    await mkdir(join(staging, 'weights'));
    await writeFile(join(staging, 'weights', 'shard1'), 'w');
    await expect(stat(final)).rejects.toMatchObject({ code: 'ENOENT' });

    await publishDir(staging, final);
    expect(await readFile(join(final, 'model.json'), 'utf8')).toBe('{}');
    expect(await readFile(join(final, 'weights', 'shard1'), 'utf8')).toBe('w');
    expect(await readdir(root)).toEqual(['model']);
  });

  it('replaces a stale finalDir entirely, keeping the old one readable until the switch', async () => {
    const final = join(root, 'model');
    await mkdir(final);
    await writeFile(join(final, 'old-only.txt'), 'old');
    await writeFile(join(final, 'model.json'), '"v1"');
    const staging = await createStagingDir(final);
    await writeFile(join(staging, 'model.json'), '"v2"');
    expect(await readFile(join(final, 'model.json'), 'utf8')).toBe('"v1"');

    await publishDir(staging, pathToFileURL(final).href);
    expect(await readdir(final)).toEqual(['model.json']);
    expect(await readFile(join(final, 'model.json'), 'utf8')).toBe('"v2"');
    expect(await readdir(root)).toEqual(['model']); // no .stale- or .partial- leftovers
  });

  it('says NOT_FOUND when there is no staging directory', async () => {
    await expect(publishDir(join(root, '.x.partial-none'), join(root, 'x'))).rejects.toMatchObject({
      code: 'NOT_FOUND',
      details: { path: join(root, '.x.partial-none') },
    });
  });

  it('refuses object-store URIs, which have no atomic directory rename', async () => {
    await expect(createStagingDir('gs://b/run/model')).rejects.toMatchObject({ code: 'UNSUPPORTED' });
    await expect(publishDir(root, 'gs://b/run/model')).rejects.toMatchObject({ code: 'UNSUPPORTED' });
  });

  it.skipIf(!otherFs)(
    'reports UNSUPPORTED, and keeps the old finalDir, when staging is on another filesystem',
    async () => {
      const staging = await mkdtemp(join(shm, 'ctpipe-staging-'));
      try {
        const final = join(root, 'model');
        await mkdir(final);
        await writeFile(join(final, 'model.json'), '"v1"');
        await expect(publishDir(staging, final)).rejects.toMatchObject({
          code: 'UNSUPPORTED',
          details: { path: final, found: 'EXDEV' },
        });
        expect(await readFile(join(final, 'model.json'), 'utf8')).toBe('"v1"');
        expect(await readdir(root)).toEqual(['model']);
      } finally {
        await rm(staging, { recursive: true, force: true });
      }
    },
  );
});
