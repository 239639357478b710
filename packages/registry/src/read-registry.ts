import { CtpipeError } from '@ctpipe/errors';
import { type StorageForOptions, storageFor } from '@ctpipe/storage';
import { registryFileOf, resolveBasePath } from './locations.js';
import { checkModelName } from './names.js';
import { parseRegistryFile, type RegistryFile } from './registry-file.js';

/**
 * Reads `<base>/<model>/registry.json` without any lock: writers replace it atomically, so a reader (the model
 * server polling the base path) sees the previous state or the next one. `undefined` when the model has no
 * registry file (a base path written by plain TF Serving tooling); BAD_INPUT when the file is malformed.
 */
export async function readRegistryFile(
  basePath: string,
  model: string,
  options: StorageForOptions = {},
): Promise<RegistryFile | undefined> {
  const file = registryFileOf(resolveBasePath(basePath), checkModelName(model));
  const storage = storageFor(file, options);
  let text: string;
  try {
    text = await storage.readText(file);
  } catch (err) {
    if (err instanceof CtpipeError && err.code === 'NOT_FOUND') return undefined;
    throw err;
  }
  return parseRegistryFile(text, file);
}
