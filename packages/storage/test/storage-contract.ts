import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Storage } from '../src/storage.js';

export interface StorageFixture {
  storage: Storage;
  /** A fresh, empty location (directory path or URI without a trailing slash) owned by one test. */
  root: string;
  cleanup(): Promise<void>;
}

/**
 * The behaviour every Storage backend shares (STYLE.md §8): run it once per backend, each against its own
 * real store (a temp dir, a Cloud Storage server).
 */
export function describeStorageContract(name: string, makeStorage: () => Promise<StorageFixture>): void {
  describe(`${name} — Storage contract`, () => {
    let fx: StorageFixture;
    let storage: Storage;
    let at: (key: string) => string;
    let scratch: string;

    beforeEach(async () => {
      fx = await makeStorage();
      storage = fx.storage;
      at = (key) => `${fx.root}/${key}`;
      scratch = await mkdtemp(join(tmpdir(), 'ctpipe-storage-contract-'));
    });
    afterEach(async () => {
      await fx.cleanup();
      await rm(scratch, { recursive: true, force: true });
    });

    async function put(...keys: string[]): Promise<void> {
      for (const key of keys) await storage.writeText(at(key), `content of ${key}`);
    }
    const uris = (infos: { uri: string }[]) => infos.map((i) => i.uri);

    describe('read and write', () => {
      it('round-trips text, creating intermediate "directories"', async () => {
        await storage.writeText(at('a/b/c/hello.txt'), 'héllo ✓\nline 2');
        expect(await storage.readText(at('a/b/c/hello.txt'))).toBe('héllo ✓\nline 2');
      });

      it('round-trips every byte value and the empty object', async () => {
        const bytes = Uint8Array.from({ length: 256 }, (_, i) => i);
        await storage.writeBytes(at('bin/all.bytes'), bytes);
        await storage.writeBytes(at('bin/empty'), new Uint8Array());
        expect([...(await storage.readBytes(at('bin/all.bytes')))]).toEqual([...bytes]);
        expect((await storage.readBytes(at('bin/empty'))).byteLength).toBe(0);
      });

      it('writes a view of a larger buffer without its surroundings', async () => {
        const backing = Uint8Array.from([1, 2, 3, 4, 5, 6]);
        await storage.writeBytes(at('view.bin'), backing.subarray(2, 4));
        expect([...(await storage.readBytes(at('view.bin')))]).toEqual([3, 4]);
      });

      it('replaces an object on overwrite and leaves no temporary object behind', async () => {
        await storage.writeText(at('x.json'), '{"v":1}');
        await storage.writeText(at('x.json'), '{"v":2}');
        expect(await storage.readText(at('x.json'))).toBe('{"v":2}');
        expect(uris(await storage.list(fx.root))).toEqual([at('x.json')]);
      });

      it('says NOT_FOUND with the path for a missing object', async () => {
        const missing = at('missing/file.txt');
        for (const read of [
          () => storage.readBytes(missing),
          () => storage.readText(missing),
          () => storage.stat(missing),
        ]) {
          await expect(read()).rejects.toMatchObject({ code: 'NOT_FOUND', details: { path: missing } });
        }
      });
    });

    describe('exists and stat', () => {
      it('tells objects from missing ones and from "directories"', async () => {
        await put('d/one.txt');
        expect(await storage.exists(at('d/one.txt'))).toBe(true);
        expect(await storage.exists(at('d/two.txt'))).toBe(false);
        expect(await storage.exists(at('d'))).toBe(false);
      });

      it('gives the size and a modification time', async () => {
        await storage.writeText(at('s.txt'), '12345');
        const info = await storage.stat(at('s.txt'));
        expect(info.uri).toBe(at('s.txt'));
        expect(info.size).toBe(5);
        expect(info.updated).toBeInstanceOf(Date);
        expect(info.updated.getTime()).toBeGreaterThan(Date.parse('2020-01-01T00:00:00Z'));
      });
    });

    describe('list', () => {
      it('lists everything under a prefix recursively, sorted, with sizes', async () => {
        await put('dir/b.txt', 'dir/a.txt', 'dir/sub/deep/c.txt', 'dir2/not-me.txt', 'dirty.txt');
        const listed = await storage.list(at('dir'));
        expect(uris(listed)).toEqual([at('dir/a.txt'), at('dir/b.txt'), at('dir/sub/deep/c.txt')]);
        expect(listed.map((i) => i.size)).toEqual([20, 20, 29]); // 'content of dir/a.txt' is 20 bytes
      });

      it('treats a trailing slash the same and a missing prefix as empty', async () => {
        await put('dir/a.txt', 'dir/sub/b.txt');
        expect(uris(await storage.list(`${at('dir')}/`))).toEqual([at('dir/a.txt'), at('dir/sub/b.txt')]);
        expect(await storage.list(at('nothing-here'))).toEqual([]);
      });
    });

    describe('glob', () => {
      beforeEach(async () => {
        await put(
          'data/a.csv',
          'data/b.csv',
          'data/b.json',
          'data/x1.csv',
          'data/x22.csv',
          'data/sub/c.csv',
          'data/sub/deep/d.csv',
          'other/e.csv',
        );
      });

      it('matches * within one segment only', async () => {
        expect(uris(await storage.glob(at('data/*.csv')))).toEqual([
          at('data/a.csv'),
          at('data/b.csv'),
          at('data/x1.csv'),
          at('data/x22.csv'),
        ]);
        expect(uris(await storage.glob(at('*/e.csv')))).toEqual([at('other/e.csv')]);
      });

      it('matches ? as exactly one character', async () => {
        expect(uris(await storage.glob(at('data/x?.csv')))).toEqual([at('data/x1.csv')]);
      });

      it('matches ** across any number of segments, zero included', async () => {
        expect(uris(await storage.glob(at('data/**/*.csv')))).toEqual([
          at('data/a.csv'),
          at('data/b.csv'),
          at('data/sub/c.csv'),
          at('data/sub/deep/d.csv'),
          at('data/x1.csv'),
          at('data/x22.csv'),
        ]);
        expect(uris(await storage.glob(at('data/sub/**')))).toEqual([
          at('data/sub/c.csv'),
          at('data/sub/deep/d.csv'),
        ]);
        expect(uris(await storage.glob(at('**/d.csv')))).toEqual([at('data/sub/deep/d.csv')]);
      });

      it('returns the object itself for a pattern without wildcards, and [] when nothing matches', async () => {
        expect(uris(await storage.glob(at('data/b.json')))).toEqual([at('data/b.json')]);
        expect(await storage.glob(at('data/none.json'))).toEqual([]);
        expect(await storage.glob(at('data/*.parquet'))).toEqual([]);
      });
    });

    describe('delete', () => {
      it('deletes one object and nothing else', async () => {
        await put('d/a.txt', 'd/b.txt');
        await storage.delete(at('d/a.txt'));
        expect(uris(await storage.list(at('d')))).toEqual([at('d/b.txt')]);
      });

      it('says NOT_FOUND for a missing object unless recursive', async () => {
        await expect(storage.delete(at('gone.txt'))).rejects.toMatchObject({
          code: 'NOT_FOUND',
          details: { path: at('gone.txt') },
        });
        await expect(storage.delete(at('gone'), { recursive: true })).resolves.toBeUndefined();
      });

      it('deletes a whole "directory" recursively, but not siblings sharing its name as a prefix', async () => {
        await put('model/1/model.json', 'model/1/weights.bin', 'model/2/model.json', 'model2/keep.txt');
        await storage.delete(at('model'), { recursive: true });
        expect(uris(await storage.list(fx.root))).toEqual([at('model2/keep.txt')]);
      });
    });

    describe('uploadDir and downloadDir', () => {
      async function makeLocalTree(dir: string, files: Record<string, string>): Promise<void> {
        for (const [rel, text] of Object.entries(files)) {
          await mkdir(dirname(join(dir, rel)), { recursive: true });
          await writeFile(join(dir, rel), text);
        }
      }

      it('round-trips a nested directory', async () => {
        const files = {
          'model.json': '{"format":"layers-model"}',
          'group1/shard1of1.bin': 'weights',
          'a/b/c.txt': 'c',
        };
        await makeLocalTree(join(scratch, 'up'), files);
        await storage.uploadDir(join(scratch, 'up'), at('model/1'));
        expect(uris(await storage.list(at('model/1')))).toEqual([
          at('model/1/a/b/c.txt'),
          at('model/1/group1/shard1of1.bin'),
          at('model/1/model.json'),
        ]);
        await storage.downloadDir(at('model/1'), join(scratch, 'down'));
        for (const [rel, text] of Object.entries(files)) {
          expect(await readFile(join(scratch, 'down', rel), 'utf8')).toBe(text);
        }
      });

      it('says NOT_FOUND for a missing local directory or an empty prefix', async () => {
        await expect(storage.uploadDir(join(scratch, 'nope'), at('x'))).rejects.toMatchObject({
          code: 'NOT_FOUND',
        });
        await expect(storage.downloadDir(at('nothing'), join(scratch, 'down'))).rejects.toMatchObject({
          code: 'NOT_FOUND',
          details: { path: at('nothing') },
        });
      });
    });
  });
}
