import type { ObjectInfo, Storage } from '@ctpipe/storage';

/**
 * The serving request log's rotated files (`<dir>/requests-<stamp>.ndjson`, raw feature rows) not yet checked. The
 * file being written is hidden (`.requests-….partial`) until rotated, so it never matches.
 */
export async function newRequestFiles(
  storage: Storage,
  dir: string,
  checked: ReadonlySet<string>,
): Promise<ObjectInfo[]> {
  const files = await storage.glob(`${dir.replace(/\/+$/, '')}/requests-*.ndjson`);
  return files.filter((f) => !checked.has(baseName(f.uri)));
}

export function baseName(uri: string): string {
  return uri.slice(uri.lastIndexOf('/') + 1);
}

/** Logged instances: one JSON object per non-empty line. */
export async function countInstances(storage: Storage, files: readonly ObjectInfo[]): Promise<number> {
  let n = 0;
  for (const file of files) {
    const text = await storage.readText(file.uri);
    for (const line of text.split('\n')) if (line.trim() !== '') n++;
  }
  return n;
}
