import { mkdir, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fromFsError, fromMkdirError } from './fs-error.js';
import { tempFileName } from './in-flight-names.js';

/**
 * Creates `path` atomically: `fill` writes a temporary sibling (same directory, hence same filesystem), which
 * is then renamed over `path`, so a reader sees the old file or the whole new one, never a prefix. Parent
 * directories are created. No fsync: the guarantee is against concurrent readers and failed writers; a
 * container's disk does not outlive a power cut anyway.
 */
export async function writeFileAtomically(
  path: string,
  fill: (tempPath: string) => Promise<void>,
): Promise<void> {
  const dir = dirname(path);
  try {
    await mkdir(dir, { recursive: true });
  } catch (err) {
    fromMkdirError(err, dir);
  }
  const temp = join(dir, tempFileName(basename(path)));
  try {
    await fill(temp);
    await rename(temp, path);
  } catch (err) {
    await rm(temp, { force: true });
    fromFsError(err, path);
  }
}
