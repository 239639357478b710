import { readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { CtpipeError } from '@ctpipe/errors';
import { MODEL_JSON } from '@ctpipe/model';

export interface VersionFolder {
  version: number;
  dir: string;
  /** Changes when the folder is replaced or written to: a failed version is retried only then. */
  fingerprint: string;
}

/**
 * The numeric version folders under a model base path (TF Serving's layout). A base path that itself holds
 * model.json (a single exported version, as a Vertex AI `artifactUri` may be) is one version: its folder
 * name when numeric, else 1. Folders being published carry hidden temporary names and are not listed.
 */
export async function scanVersions(modelBasePath: string): Promise<VersionFolder[]> {
  let entries: import('node:fs').Dirent[];
  try {
    entries = await readdir(modelBasePath, { withFileTypes: true });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw new CtpipeError('UNAVAILABLE', `cannot list the model base path ${modelBasePath}`, {
      details: { path: modelBasePath },
      cause: err,
    });
  }
  if (entries.some((e) => e.isFile() && e.name === MODEL_JSON)) {
    const name = path.basename(modelBasePath);
    const version = /^\d+$/.test(name) ? Number(name) : 1;
    return [{ version, dir: modelBasePath, fingerprint: await fingerprint(modelBasePath) }];
  }
  const folders = entries.filter((e) => e.isDirectory() && /^\d+$/.test(e.name));
  const found = await Promise.all(
    folders.map(async (e) => {
      const dir = path.join(modelBasePath, e.name);
      return { version: Number(e.name), dir, fingerprint: await fingerprint(dir) };
    }),
  );
  return found.filter((f) => Number.isSafeInteger(f.version)).sort((a, b) => a.version - b.version);
}

async function fingerprint(dir: string): Promise<string> {
  const [folder, model] = await Promise.all([
    stat(dir).catch(() => undefined),
    stat(path.join(dir, MODEL_JSON)).catch(() => undefined),
  ]);
  return `${folder?.ino}:${folder?.mtimeMs}:${model?.mtimeMs}:${model?.size}`;
}
