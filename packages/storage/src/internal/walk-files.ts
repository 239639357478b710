import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { errnoOf } from './fs-error.js';
import { isInFlightName } from './in-flight-names.js';

/**
 * Every regular file under `root` (symlinks to files included, symlinked directories not followed, as `find`
 * does), as absolute paths in no particular order, skipping files and directories still being written
 * (in-flight-names.ts). A missing root, or a root that is a file, gives [].
 * `maxDepth` 1 means the files directly in root.
 */
export async function walkFiles(root: string, maxDepth = Number.POSITIVE_INFINITY): Promise<string[]> {
  const files: string[] = [];
  async function visit(dir: string, depth: number): Promise<void> {
    let entries: Dirent[];
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (err) {
      const code = errnoOf(err);
      if (code === 'ENOENT' || code === 'ENOTDIR') return;
      throw err;
    }
    await Promise.all(
      entries.map(async (entry) => {
        if (isInFlightName(entry.name)) return;
        const path = join(dir, entry.name);
        if (entry.isFile()) files.push(path);
        else if (entry.isDirectory()) {
          if (depth < maxDepth) await visit(path, depth + 1);
        } else if (entry.isSymbolicLink() && (await isFile(path))) files.push(path);
      }),
    );
  }
  await visit(root, 1);
  return files;
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile();
  } catch {
    return false; // a dangling link is not a file
  }
}
