import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { CtpipeError } from '@ctpipe/errors';

/**
 * The splits of an Examples artifact (TFX's `Split-<name>/` layout): extract's `split_names` metadata, else the
 * Split-<name> folders present.
 */
export async function examplesSplitNames(examplesDir: string, fromMetadata: unknown): Promise<string[]> {
  if (typeof fromMetadata === 'string') {
    const names = JSON.parse(fromMetadata) as unknown;
    if (Array.isArray(names) && names.length > 0 && names.every((n) => typeof n === 'string')) return names;
  }
  const dirs = (await readdir(examplesDir, { withFileTypes: true }))
    .filter((e) => e.isDirectory() && e.name.startsWith('Split-'))
    .map((e) => e.name.slice('Split-'.length));
  if (dirs.length === 0) {
    throw new CtpipeError('BAD_INPUT', 'the Examples artifact has no Split-<name> folders', {
      details: { path: examplesDir },
    });
  }
  return dirs.sort();
}

/** The Parquet files of one split (`<examplesDir>/Split-<split>/*.parquet`), sorted; none is NOT_FOUND. */
export async function examplesSplitFiles(examplesDir: string, split: string): Promise<string[]> {
  const dir = join(examplesDir, `Split-${split}`);
  const names = await readdir(dir).catch((err: unknown) => {
    throw new CtpipeError('NOT_FOUND', `the Examples have no ${split} split`, {
      details: { path: dir, expected: `Split-${split}/*.parquet` },
      cause: err,
    });
  });
  const files = names
    .filter((n) => n.endsWith('.parquet'))
    .sort()
    .map((n) => join(dir, n));
  if (files.length === 0) {
    throw new CtpipeError('NOT_FOUND', `no Parquet file in Split-${split}`, { details: { path: dir } });
  }
  return files;
}
