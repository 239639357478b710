import { CtpipeError } from '@ctpipe/errors';
import { GcsStorage, type GcsStorageOptions } from './gcs-storage.js';
import { LocalStorage } from './local-storage.js';
import type { Storage } from './storage.js';
import { schemeOf } from './uri.js';

export interface StorageForOptions {
  /** Used for gs:// URIs; pass `{ client }` to share one authenticated client between calls. */
  gcs?: GcsStorageOptions;
}

type Backend = (options: StorageForOptions) => Storage;

// Keyed by URI scheme, '' for plain paths (MLflow's store registry): a new backend is one entry here.
const BACKENDS: Record<string, Backend> = {
  '': () => new LocalStorage(),
  file: () => new LocalStorage(),
  gs: (options) => new GcsStorage(options.gcs),
};

/** The storage backend for a URI: absolute paths and file:// → LocalStorage, gs:// → GcsStorage. */
export function storageFor(uri: string, options: StorageForOptions = {}): Storage {
  const scheme = schemeOf(uri) ?? '';
  if (scheme === '' && !uri.startsWith('/')) {
    throw new CtpipeError('BAD_INPUT', `Expected an absolute path or URI, got a relative path: ${uri}`, {
      details: { path: uri, expected: 'an absolute path, file:// or gs:// URI', found: uri },
    });
  }
  const backend = BACKENDS[scheme];
  if (backend === undefined) {
    throw new CtpipeError('UNSUPPORTED', `No storage backend for ${scheme}:// URIs`, {
      details: { path: uri, expected: `one of: absolute path, ${supportedSchemes()}`, found: `${scheme}://` },
    });
  }
  return backend(options);
}

function supportedSchemes(): string {
  return Object.keys(BACKENDS)
    .filter((s) => s !== '')
    .map((s) => `${s}://`)
    .join(', ');
}
