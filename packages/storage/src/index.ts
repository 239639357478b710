export { GcsStorage, type GcsStorageOptions } from './gcs-storage.js';
export { type CompiledGlob, compileGlob, hasWildcard } from './glob.js';
export { LocalStorage } from './local-storage.js';
export { createStagingDir, publishDir } from './publish.js';
export type { DeleteOptions, ObjectInfo, Storage } from './storage.js';
export { type StorageForOptions, storageFor } from './storage-for.js';
export { localPathToUri, schemeOf, uriToLocalPath } from './uri.js';
