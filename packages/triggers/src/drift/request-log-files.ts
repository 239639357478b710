import type { ObjectInfo, Storage } from '@ctpipe/storage';

/**
 * The serving request log's rotated files (`<dir>/requests-<stamp>.ndjson`, raw feature rows). The file being
 * written is hidden (`.requests-….partial`) until rotated, so it never matches.
 */
export function requestLogFiles(storage: Storage, dir: string): Promise<ObjectInfo[]> {
  return storage.glob(`${dir.replace(/\/+$/, '')}/requests-*.ndjson`);
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
