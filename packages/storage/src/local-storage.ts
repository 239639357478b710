import { copyFile, readFile, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { CtpipeError } from '@ctpipe/errors';
import { compileGlob, hasWildcard } from './glob.js';
import { writeFileAtomically } from './internal/atomic-file.js';
import { errnoOf, fromFsError } from './internal/fs-error.js';
import { requireLocalDir } from './internal/local-dir.js';
import { type LocalLocation, localLocation } from './internal/local-location.js';
import { mapLimit } from './internal/map-limit.js';
import { walkFiles } from './internal/walk-files.js';
import type { DeleteOptions, ObjectInfo, Storage } from './storage.js';

// Enough parallel stat/copy calls to hide latency on network filesystems (the /gcs FUSE mount) without
// exhausting file descriptors.
const CONCURRENCY = 32;

/** Storage on the local filesystem: absolute paths and file:// URIs (and so the /gcs FUSE mount on Vertex). */
export class LocalStorage implements Storage {
  readonly schemes = ['', 'file'] as const;

  async readBytes(uri: string): Promise<Uint8Array> {
    const { path } = localLocation(uri);
    try {
      return await readFile(path);
    } catch (err) {
      return fromFsError(err, uri);
    }
  }

  async readText(uri: string): Promise<string> {
    return Buffer.from(await this.readBytes(uri)).toString('utf8');
  }

  async writeBytes(uri: string, data: Uint8Array): Promise<void> {
    const { path } = localLocation(uri);
    await writeFileAtomically(path, (temp) => writeFile(temp, data, { flag: 'wx' }));
  }

  async writeText(uri: string, text: string): Promise<void> {
    await this.writeBytes(uri, Buffer.from(text, 'utf8'));
  }

  async exists(uri: string): Promise<boolean> {
    const location = localLocation(uri);
    return (await tryStatFile(location.path, location)) !== undefined;
  }

  async stat(uri: string): Promise<ObjectInfo> {
    const location = localLocation(uri);
    const info = await tryStatFile(location.path, location);
    if (info !== undefined) return info;
    if (await isDirectory(location.path)) {
      throw new CtpipeError('BAD_INPUT', `${uri} is a directory, not a file`, {
        details: { path: uri, expected: 'a file' },
      });
    }
    throw new CtpipeError('NOT_FOUND', `No such file: ${uri}`, { details: { path: uri } });
  }

  async list(prefixUri: string): Promise<ObjectInfo[]> {
    const location = localLocation(prefixUri);
    return statAll(await walkFiles(location.path), location);
  }

  async glob(pattern: string): Promise<ObjectInfo[]> {
    const location = localLocation(pattern);
    if (!hasWildcard(location.path)) {
      const info = await tryStatFile(location.path, location);
      return info === undefined ? [] : [info];
    }
    const glob = compileGlob(location.path);
    const base = glob.literalPrefix.slice(0, glob.literalPrefix.lastIndexOf('/') + 1);
    // Without `**` a match lies exactly as deep as the pattern: do not walk further.
    const depth = glob.crossesSegments ? undefined : location.path.slice(base.length).split('/').length;
    const files = (await walkFiles(base, depth)).filter((file) => glob.matches(file));
    return statAll(files, location);
  }

  async delete(uri: string, options: DeleteOptions = {}): Promise<void> {
    const { path } = localLocation(uri);
    if (options.recursive) {
      if (path === '/') {
        throw new CtpipeError('BAD_INPUT', 'Refusing to delete the filesystem root', {
          details: { path: uri },
        });
      }
      await rm(path, { recursive: true, force: true });
      return;
    }
    try {
      await unlink(path);
    } catch (err) {
      const code = errnoOf(err);
      // Linux says EISDIR, macOS EPERM for unlink on a directory.
      if ((code === 'EISDIR' || code === 'EPERM') && (await isDirectory(path))) {
        throw new CtpipeError('BAD_INPUT', `${uri} is a directory: pass { recursive: true } to delete it`, {
          details: { path: uri },
          cause: err,
        });
      }
      fromFsError(err, uri);
    }
  }

  async uploadDir(localDir: string, uri: string): Promise<void> {
    await copyTree(await requireLocalDir(localDir), localLocation(uri).path);
  }

  async downloadDir(uri: string, localDir: string): Promise<void> {
    const source = localLocation(uri).path;
    const copied = await copyTree(source, localLocation(localDir).path);
    if (copied === 0) {
      throw new CtpipeError('NOT_FOUND', `No objects under ${uri}`, { details: { path: uri } });
    }
  }
}

/** undefined when there is no file at `path` (missing, or a directory). */
async function tryStatFile(path: string, location: LocalLocation): Promise<ObjectInfo | undefined> {
  try {
    const s = await stat(path);
    return s.isFile() ? { uri: location.toUri(path), size: s.size, updated: s.mtime } : undefined;
  } catch (err) {
    const code = errnoOf(err);
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    return fromFsError(err, location.toUri(path));
  }
}

async function statAll(paths: string[], location: LocalLocation): Promise<ObjectInfo[]> {
  // A file deleted between the walk and its stat is simply not listed.
  const infos = await mapLimit(paths, CONCURRENCY, (path) => tryStatFile(path, location));
  return infos.filter((i) => i !== undefined).sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
}

async function isDirectory(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isDirectory();
  } catch {
    return false;
  }
}

/** Copies every file under `from` to the same relative path under `to`, each atomically; returns the count. */
async function copyTree(from: string, to: string): Promise<number> {
  const files = await walkFiles(from);
  await mapLimit(files, CONCURRENCY, async (file) => {
    await writeFileAtomically(join(to, relative(from, file)), (temp) => copyFile(file, temp));
  });
  return files.length;
}
