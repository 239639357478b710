import type { Dirent } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { CtpipeError } from '@ctpipe/errors';
import { schemeOf, uriToLocalPath } from '@ctpipe/storage';

/**
 * Turns a source location into a sorted list of files: a file, a directory (its visible files) or a glob
 * (`*`, `?`, `[abc]` within one path segment, `**` across segments). Node 20 has no fs.glob, and DuckDB's
 * glob would need an engine for what is a file-system question, hence this small walker.
 */
export async function listFiles(location: string): Promise<string[]> {
  const local = localPath(location);
  if (!hasGlob(local)) {
    const info = await stat(local).catch(() => undefined);
    if (!info) throw notFound(location);
    if (!info.isDirectory()) return [local];
    const entries = await readdir(local, { withFileTypes: true });
    return entries
      .filter((e) => e.isFile() && isVisible(e.name))
      .map((e) => path.join(local, e.name))
      .sort();
  }
  const { base, segments } = splitGlob(local);
  const found = await walk(base, segments);
  if (found.length === 0) throw notFound(location);
  return found.sort();
}

/**
 * `gs://bucket/key` is read through the Cloud Storage FUSE mount that Vertex AI and KFP provide at `/gcs/`,
 * the same mapping the KFP launcher applies to artifact URIs; `file://` is a plain path.
 */
export function localPath(location: string): string {
  // Relative paths are fine for sources (resolved against the working directory); URIs use the one mapping.
  return schemeOf(location) === undefined ? location : uriToLocalPath(location);
}

export function hasGlob(pattern: string): boolean {
  return /[*?[]/.test(pattern);
}

/** A glob as the source of a RegExp (no anchors), for callers that add capture groups around it. */
export function globRegExpSource(glob: string): string {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const ch = glob[i] as string;
    if (ch === '*' && glob[i + 1] === '*') {
      const slash = glob[i + 2] === '/';
      out += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (ch === '*') out += '[^/]*';
    else if (ch === '?') out += '[^/]';
    else if (ch === '[') {
      const end = glob.indexOf(']', i + 2);
      if (end < 0) out += '\\[';
      else {
        const body = glob.slice(i + 1, end);
        out += `[${body.startsWith('!') ? `^${body.slice(1)}` : body}]`;
        i = end;
      }
    } else out += ch.replace(/[.+^${}()|\\\]]/g, '\\$&');
  }
  return out;
}

function splitGlob(pattern: string): { base: string; segments: string[] } {
  const parts = pattern.split('/');
  const firstGlob = parts.findIndex(hasGlob);
  const baseParts = parts.slice(0, firstGlob);
  const base = baseParts.length === 0 ? '.' : baseParts.join('/') || '/';
  return { base, segments: parts.slice(firstGlob).filter((s) => s !== '') };
}

async function walk(dir: string, segments: string[]): Promise<string[]> {
  const [segment, ...rest] = segments;
  if (segment === undefined) return [dir];
  if (segment === '**') {
    const here = await walk(dir, rest);
    const below = await Promise.all((await subdirs(dir)).map((d) => walk(d, segments)));
    return [...new Set([...here, ...below.flat()])];
  }
  if (!hasGlob(segment)) {
    const next = path.join(dir, segment);
    if (rest.length > 0) return walk(next, rest);
    const info = await stat(next).catch(() => undefined);
    return info?.isFile() ? [next] : [];
  }
  const re = new RegExp(`^${globRegExpSource(segment)}$`);
  const entries = await entriesOf(dir);
  const matches = entries.filter((e) => isVisible(e.name) && re.test(e.name));
  if (rest.length === 0) return matches.filter((e) => e.isFile()).map((e) => path.join(dir, e.name));
  const nested = await Promise.all(
    matches.filter((e) => e.isDirectory()).map((e) => walk(path.join(dir, e.name), rest)),
  );
  return nested.flat();
}

async function subdirs(dir: string): Promise<string[]> {
  return (await entriesOf(dir))
    .filter((e) => e.isDirectory() && isVisible(e.name))
    .map((e) => path.join(dir, e.name));
}

async function entriesOf(dir: string): Promise<Dirent[]> {
  return readdir(dir, { withFileTypes: true }).catch(() => []);
}

// Hidden files and Hadoop/Spark markers (`_SUCCESS`, `.part.crc`) sit next to data files; they are not data.
function isVisible(name: string): boolean {
  return !name.startsWith('.') && !name.startsWith('_');
}

function notFound(location: string): CtpipeError {
  return new CtpipeError('NOT_FOUND', `no file matches ${location}`, { details: { path: location } });
}
