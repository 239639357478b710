import { chmod, cp, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { CtpipeError } from '@ctpipe/errors';
import { createStagingDir, LocalStorage } from '@ctpipe/storage';
import { REGISTRY_FILE } from '../registry-file.js';
import type { RegistryBackend, Staged } from './backend.js';
import { withLocalLock } from './local-lock.js';

export const LOCK_FILE = '.registry.lock';

/**
 * A local base path. A version is copied into a hidden staging folder beside the version folders (same
 * filesystem), then renamed to its number: a model server polling the folder sees no version or all of it.
 * rename(2) onto an existing non-empty folder fails, so a number can never be taken twice.
 */
export function localBackend(): RegistryBackend {
  const storage = new LocalStorage();
  return {
    storage,
    withLock: (modelDir, options, fn) => withLocalLock(join(modelDir, LOCK_FILE), options, fn),

    async versionFolders(modelDir) {
      const entries = await readdir(modelDir, { withFileTypes: true }).catch(() => []);
      return entries.filter((e) => e.isDirectory() && /^\d+$/.test(e.name)).map((e) => Number(e.name));
    },

    async stage(sourceDir, modelDir): Promise<Staged> {
      const dir = await createStagingDir(join(modelDir, 'version'));
      try {
        // dereference: a version folder must hold real files, not links back into a run's artifacts.
        await cp(sourceDir, dir, { recursive: true, dereference: true, errorOnExist: true, force: false });
        // mkdtemp made it private (0700); a model server may run as another user (a container on a mounted volume).
        await chmod(dir, 0o755);
      } catch (err) {
        await rm(dir, { recursive: true, force: true });
        throw new CtpipeError(
          'BAD_INPUT',
          `copying the model files from ${sourceDir} failed: ${String(err)}`,
          {
            details: { path: sourceDir },
            cause: err,
          },
        );
      }
      return { dir, temporary: true };
    },

    async commit(staged, versionDir) {
      try {
        await rename(staged.dir, versionDir);
        return true;
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code === 'ENOTEMPTY' || code === 'EEXIST') return false;
        throw err;
      }
    },

    async discard(staged) {
      if (staged.temporary) await rm(staged.dir, { recursive: true, force: true });
    },

    async models(base) {
      const entries = await readdir(base, { withFileTypes: true }).catch(() => []);
      const found: string[] = [];
      for (const e of entries) {
        if (e.isDirectory() && (await storage.exists(join(base, e.name, REGISTRY_FILE)))) found.push(e.name);
      }
      return found.sort();
    },
  };
}
