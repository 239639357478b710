import { stat } from 'node:fs/promises';
import { CtpipeError } from '@ctpipe/errors';
import { localLocation } from './local-location.js';

/** The absolute path of an existing local directory (a path or file:// URI), else NOT_FOUND. */
export async function requireLocalDir(localDir: string): Promise<string> {
  const { path } = localLocation(localDir);
  const found = await stat(path).catch(() => undefined);
  if (found?.isDirectory()) return path;
  throw new CtpipeError('NOT_FOUND', `No such directory: ${localDir}`, {
    details: { path: localDir, expected: 'an existing local directory' },
  });
}
