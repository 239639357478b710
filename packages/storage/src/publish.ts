import { mkdir, mkdtemp, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { CtpipeError } from '@ctpipe/errors';
import { errnoOf, fromFsError, fromMkdirError } from './internal/fs-error.js';
import { stagingDirPrefix, staleDirName } from './internal/in-flight-names.js';
import { localLocation } from './internal/local-location.js';
import { schemeOf } from './uri.js';

/**
 * Creates an empty staging directory beside `finalDir` (`<parent>/.<name>.partial-<random>`): a sibling, so
 * on the same filesystem, so publishDir can rename it into place. Parents are created. Returns its path.
 */
export async function createStagingDir(finalDir: string): Promise<string> {
  const final = publishablePath(finalDir);
  await mkdir(dirname(final), { recursive: true }).catch((err: unknown) =>
    fromMkdirError(err, dirname(final)),
  );
  try {
    return await mkdtemp(join(dirname(final), stagingDirPrefix(basename(final))));
  } catch (err) {
    return fromFsError(err, dirname(final));
  }
}

/**
 * Moves a fully written `stagingDir` to `finalDir` so that a reader sees either the previous finalDir or the
 * new one, never a mix or a prefix. A stale finalDir is first renamed aside (not deleted in place, which would
 * expose a half-deleted directory), then the staging directory is renamed in, then the stale copy removed.
 * rename(2) is atomic only within one filesystem: anything else is reported, not silently copied.
 */
export async function publishDir(stagingDir: string, finalDir: string): Promise<void> {
  const staging = publishablePath(stagingDir);
  const final = publishablePath(finalDir);
  const found = await stat(staging).catch(() => undefined);
  if (!found?.isDirectory()) {
    throw new CtpipeError('NOT_FOUND', `No staging directory to publish: ${stagingDir}`, {
      details: { path: stagingDir, expected: 'a directory from createStagingDir()' },
    });
  }
  await mkdir(dirname(final), { recursive: true }).catch((err: unknown) =>
    fromMkdirError(err, dirname(final)),
  );
  const aside = join(dirname(final), staleDirName(basename(final)));
  const hadStale = await moveIfPresent(final, aside);
  try {
    await rename(staging, final);
  } catch (err) {
    if (hadStale) await rename(aside, final).catch(() => undefined); // put the previous version back
    renameFailed(err, stagingDir, finalDir);
  }
  // The new directory is in place; failing to remove the hidden stale copy must not fail the publish.
  if (hadStale) await rm(aside, { recursive: true, force: true }).catch(() => undefined);
}

async function moveIfPresent(from: string, to: string): Promise<boolean> {
  try {
    await rename(from, to);
    return true;
  } catch (err) {
    if (errnoOf(err) === 'ENOENT') return false;
    return fromFsError(err, from);
  }
}

function renameFailed(err: unknown, stagingDir: string, finalDir: string): never {
  const code = errnoOf(err);
  if (code === 'ENOTEMPTY' || code === 'EEXIST') {
    throw new CtpipeError('CONFLICT', `Another writer published ${finalDir} at the same time`, {
      details: { path: finalDir, staging: stagingDir },
      cause: err,
    });
  }
  if (code === 'EXDEV' || code === 'ENOTSUP' || code === 'EOPNOTSUPP' || code === 'ENOSYS') {
    throw new CtpipeError(
      'UNSUPPORTED',
      `Cannot publish ${finalDir} atomically: renaming ${stagingDir} onto it failed with ${code}. Stage beside ` +
        'the final directory (createStagingDir does) on a filesystem with atomic directory rename; ' +
        'Cloud Storage FUSE (/gcs) has none.',
      { details: { path: finalDir, staging: stagingDir, found: code }, cause: err },
    );
  }
  return fromFsError(err, finalDir);
}

function publishablePath(dir: string): string {
  const scheme = schemeOf(dir);
  if (scheme !== undefined && scheme !== 'file') {
    throw new CtpipeError(
      'UNSUPPORTED',
      `Cannot publish to ${scheme}:// atomically: object stores have no directory rename. Publish to the ` +
        'local path uriToLocalPath() gives, or upload objects one by one (each upload is atomic).',
      { details: { path: dir, expected: 'an absolute path or file:// URI', found: `${scheme}://` } },
    );
  }
  return localLocation(dir).path;
}
