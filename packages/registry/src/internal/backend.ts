import type { Storage } from '@ctpipe/storage';
import type { LockOptions } from './lock-options.js';

/** Files ready to become a version folder: a local staging copy, or the source itself for object stores. */
export interface Staged {
  dir: string;
  /** A private copy that `discard` removes. */
  temporary: boolean;
}

/**
 * What differs between a local base path and gs://: how a version folder appears atomically, how writers
 * exclude each other, how folders are listed. Reading and writing registry.json go through `storage`, whose
 * writes are atomic on both (temp + rename locally, one upload request on Cloud Storage).
 */
export interface RegistryBackend {
  readonly storage: Storage;
  withLock<T>(modelDir: string, options: LockOptions, fn: () => Promise<T>): Promise<T>;
  /** The numeric version folders under `<base>/<model>/`, registered or not. */
  versionFolders(modelDir: string): Promise<number[]>;
  /** Outside the lock: prepares the model files for `commit` (the slow part, a copy). */
  stage(sourceDir: string, modelDir: string): Promise<Staged>;
  /** Under the lock: makes `versionDir` appear with the staged files; false if that folder already exists. */
  commit(staged: Staged, versionDir: string): Promise<boolean>;
  discard(staged: Staged): Promise<void>;
  /** Models under the base path that have a registry.json. */
  models(base: string): Promise<string[]>;
}
