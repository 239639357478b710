import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { GcsStorage, type GcsStorageOptions } from '@ctpipe/storage';
import { REGISTRY_FILE } from '../registry-file.js';
import type { RegistryBackend } from './backend.js';
import { withGcsLock } from './gcs-lock.js';
import { LOCK_FILE } from './local-backend.js';
import { walkFiles } from './walk-files.js';

/** Uploaded last: a reader that waits for it (as TF Serving waits for saved_model.pb) sees a whole version. */
const MARKER_FILE = 'model.json';
const CONCURRENCY = 8;

/**
 * A gs:// base path. Object stores have no directory rename, so a version is uploaded straight into its folder
 * under the registry lock, with model.json last, and deleted again if any upload fails. Each object appears
 * whole (one upload request), and registry.json only names the version once every file is there.
 */
export function gcsBackend(options: GcsStorageOptions = {}): RegistryBackend {
  const storage = new GcsStorage(options);
  return {
    storage,
    withLock: (modelDir, lockOptions, fn) =>
      withGcsLock(storage, `${modelDir}/${LOCK_FILE}`, lockOptions, fn),

    async versionFolders(modelDir) {
      const objects = await storage.list(modelDir);
      const versions = new Set<number>();
      for (const o of objects) {
        const first = o.uri.slice(modelDir.length + 1).split('/')[0] ?? '';
        if (/^\d+$/.test(first) && o.uri.includes('/', modelDir.length + 1)) versions.add(Number(first));
      }
      return [...versions];
    },

    async stage(sourceDir) {
      return { dir: sourceDir, temporary: false };
    },

    async commit(staged, versionDir) {
      if ((await storage.list(versionDir)).length > 0) return false;
      const files = (await walkFiles(staged.dir)).map((f) => ({ file: f, key: relative(staged.dir, f) }));
      const marker = files.filter((f) => f.key === MARKER_FILE);
      const rest = files.filter((f) => f.key !== MARKER_FILE);
      try {
        await forEachLimit(rest, CONCURRENCY, (f) => upload(storage, f.file, `${versionDir}/${f.key}`));
        for (const f of marker) await upload(storage, f.file, `${versionDir}/${f.key}`);
      } catch (err) {
        await storage.delete(versionDir, { recursive: true }).catch(() => undefined);
        throw err;
      }
      return true;
    },

    async discard() {},

    async models(base) {
      const files = await storage.glob(`${base}/*/${REGISTRY_FILE}`);
      return files.map((f) => f.uri.slice(base.length + 1).split('/')[0] ?? '').sort();
    },
  };
}

async function upload(storage: GcsStorage, file: string, uri: string): Promise<void> {
  await storage.writeBytes(uri, await readFile(file));
}

/** Stops starting new work at the first failure and settles everything in flight before rethrowing it. */
async function forEachLimit<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  let failed = false;
  const worker = async () => {
    while (!failed && next < items.length) {
      try {
        await fn(items[next++]!);
      } catch (err) {
        failed = true;
        throw err;
      }
    }
  };
  const results = await Promise.allSettled(Array.from({ length: Math.min(limit, items.length) }, worker));
  const rejected = results.find((r) => r.status === 'rejected');
  if (rejected) throw rejected.reason;
}
