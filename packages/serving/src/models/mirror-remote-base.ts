import { mkdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { createStagingDir, LocalStorage, type Storage } from '@ctpipe/storage';
import { REGISTRY_FILE } from '../registry-file.js';

/**
 * Keeps a local copy of a remote model base path (gs://, as Vertex AI's `AIP_STORAGE_URI`), since models load
 * from local files. Each call copies the version folders not yet here — each into a staging folder renamed
 * into place, so the local scan never sees half a version; versions are immutable once published, so one
 * is never copied twice — and registry.json when it changed. A remote folder holding model.json itself (one
 * exported version) becomes local version 1.
 */
export function remoteBaseMirror(storage: Storage, uri: string, localDir: string): () => Promise<void> {
  const prefix = uri.replace(/\/+$/, '');
  let registryStamp = 'absent';
  return async () => {
    await mkdir(localDir, { recursive: true });
    const objects = await storage.list(prefix);
    const names = new Set(objects.map((o) => o.uri.slice(prefix.length + 1).split('/')[0] ?? ''));
    const copies: [from: string, version: string][] = names.has('model.json')
      ? [[prefix, '1']]
      : [...names].filter((n) => /^\d+$/.test(n)).map((n) => [`${prefix}/${n}`, n]);
    for (const [from, version] of copies) {
      const target = path.join(localDir, version);
      if (await stat(target).catch(() => undefined)) continue;
      const staging = await createStagingDir(target);
      try {
        await storage.downloadDir(from, staging);
        await rename(staging, target);
      } finally {
        await rm(staging, { recursive: true, force: true });
      }
    }
    const registry = objects.find((o) => o.uri === `${prefix}/${REGISTRY_FILE}`);
    const stamp = registry ? `${registry.size}:${registry.updated.getTime()}` : 'absent';
    if (registry && stamp !== registryStamp) {
      const text = await storage.readText(registry.uri);
      await new LocalStorage().writeText(path.join(localDir, REGISTRY_FILE), text);
    }
    registryStamp = stamp;
  };
}
