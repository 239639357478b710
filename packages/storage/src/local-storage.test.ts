import { mkdir, mkdtemp, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LocalStorage } from './local-storage.js';

// What only the filesystem backend can get wrong; the shared behaviour is in storage-contract.test.ts.
describe('LocalStorage', () => {
  const storage = new LocalStorage();
  let root: string;
  beforeEach(async () => {
    root = await mkdtemp(join(tmpdir(), 'ctpipe-local-'));
  });
  afterEach(async () => {
    await rm(root, { recursive: true, force: true });
  });

  it('answers in the form it was asked: file:// in, percent-encoded file:// out', async () => {
    const dir = join(root, 'a b#1');
    await storage.writeText(join(dir, 'x?.txt'), 'x');
    const [info] = await storage.list(pathToFileURL(dir).href);
    expect(info?.uri).toBe(`${pathToFileURL(dir).href}/x%3F.txt`);
    expect(await storage.readText(info!.uri)).toBe('x');
    expect((await storage.list(dir)).map((i) => i.uri)).toEqual([join(dir, 'x?.txt')]);
  });

  it('leaves no temporary file behind when a write fails', async () => {
    await mkdir(join(root, 'taken'));
    await expect(storage.writeText(join(root, 'taken'), 'x')).rejects.toMatchObject({
      code: 'BAD_INPUT',
      details: { path: join(root, 'taken') },
    });
    expect(await readdir(root)).toEqual(['taken']);
  });

  it('says BAD_INPUT, not NOT_FOUND, for a directory where a file is expected', async () => {
    await mkdir(join(root, 'd'));
    await expect(storage.readText(join(root, 'd'))).rejects.toMatchObject({ code: 'BAD_INPUT' });
    await expect(storage.stat(join(root, 'd'))).rejects.toMatchObject({ code: 'BAD_INPUT' });
    await expect(storage.delete(join(root, 'd'))).rejects.toThrow(/recursive: true/);
  });

  it('says BAD_INPUT when a parent of the target is a file', async () => {
    await writeFile(join(root, 'f'), 'x');
    await expect(storage.writeText(join(root, 'f', 'child.txt'), 'y')).rejects.toMatchObject({
      code: 'BAD_INPUT',
    });
  });

  it('lists files behind symlinks but does not follow symlinked directories', async () => {
    await storage.writeText(join(root, 'real/a.txt'), 'a');
    await symlink(join(root, 'real/a.txt'), join(root, 'link.txt'));
    await symlink(join(root, 'real'), join(root, 'linkdir'));
    expect((await storage.list(root)).map((i) => i.uri)).toEqual([
      join(root, 'link.txt'),
      join(root, 'real/a.txt'),
    ]);
  });

  it('does not list files still being written or directories still being staged', async () => {
    await storage.writeText(join(root, 'run/.hidden'), 'h');
    await storage.writeText(join(root, 'run/a.json'), 'a');
    await writeFile(join(root, 'run/.a.json.tmp-0123456789ab'), 'half');
    await mkdir(join(root, 'run/.model.partial-Ab12Cd'));
    await writeFile(join(root, 'run/.model.partial-Ab12Cd/model.json'), 'half');
    expect((await storage.list(join(root, 'run'))).map((i) => i.uri)).toEqual([
      join(root, 'run/.hidden'),
      join(root, 'run/a.json'),
    ]);
    expect((await storage.glob(join(root, 'run/**'))).map((i) => i.uri)).toEqual([
      join(root, 'run/.hidden'),
      join(root, 'run/a.json'),
    ]);
  });

  it('rejects relative paths and other schemes', async () => {
    await expect(storage.readText('relative/x.txt')).rejects.toMatchObject({ code: 'BAD_INPUT' });
    await expect(storage.readText('gs://b/x.txt')).rejects.toMatchObject({ code: 'BAD_INPUT' });
  });

  it('refuses to delete the filesystem root', async () => {
    await expect(storage.delete('/', { recursive: true })).rejects.toMatchObject({ code: 'BAD_INPUT' });
    await expect(storage.delete('file:///', { recursive: true })).rejects.toMatchObject({
      code: 'BAD_INPUT',
    });
  });
});
