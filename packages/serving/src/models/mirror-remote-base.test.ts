import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { LocalStorage } from '@ctpipe/storage';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { remoteBaseMirror } from './mirror-remote-base.js';

let root: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(os.tmpdir(), 'ctpipe-mirror-'));
});
afterEach(() => rm(root, { recursive: true, force: true }));

async function write(file: string, text: string) {
  await mkdir(path.dirname(file), { recursive: true });
  await writeFile(file, text);
}

// The mirror only uses the Storage interface; LocalStorage stands in for Cloud Storage here.
describe('remoteBaseMirror', () => {
  it('copies new version folders and registry.json, each version once', async () => {
    const remote = path.join(root, 'remote');
    const local = path.join(root, 'local');
    await write(path.join(remote, '1', 'model.json'), 'v1');
    await write(path.join(remote, 'registry.json'), '{"labels":{"stable":1}}');
    const sync = remoteBaseMirror(new LocalStorage(), remote, local);
    await sync();
    expect((await readdir(local)).sort()).toEqual(['1', 'registry.json']);
    await write(path.join(remote, '1', 'model.json'), 'changed');
    await write(path.join(remote, '2', 'model.json'), 'v2');
    await sync();
    expect((await readdir(local)).sort()).toEqual(['1', '2', 'registry.json']);
    expect(await readFile(path.join(local, '1', 'model.json'), 'utf8')).toBe('v1');
    expect(await readFile(path.join(local, '2', 'model.json'), 'utf8')).toBe('v2');
  });

  it('takes a folder holding model.json itself as version 1', async () => {
    const remote = path.join(root, 'artifact');
    await write(path.join(remote, 'model.json'), 'm');
    await write(path.join(remote, 'signature.json'), 's');
    const local = path.join(root, 'local');
    await remoteBaseMirror(new LocalStorage(), remote, local)();
    expect((await readdir(path.join(local, '1'))).sort()).toEqual(['model.json', 'signature.json']);
  });
});
