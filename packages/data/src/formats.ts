import { open } from 'node:fs/promises';
import path from 'node:path';
import { CtpipeError } from '@ctpipe/errors';

export const SOURCE_FORMATS = ['csv', 'json', 'ndjson', 'parquet', 'arrow'] as const;
export type SourceFormat = (typeof SOURCE_FORMATS)[number];

const EXTENSIONS: Record<string, SourceFormat> = {
  '.csv': 'csv',
  '.tsv': 'csv',
  '.json': 'json',
  '.ndjson': 'ndjson',
  '.jsonl': 'ndjson',
  '.parquet': 'parquet',
  '.pq': 'parquet',
  '.arrow': 'arrow',
  '.arrows': 'arrow',
  '.feather': 'arrow',
  '.ipc': 'arrow',
};
// DuckDB decompresses these transparently for the text formats.
const COMPRESSIONS = ['.gz', '.zst'];

export const SUPPORTED_EXTENSIONS: readonly string[] = Object.keys(EXTENSIONS);

/** The format a file's name says, or undefined. `x.csv.gz` is CSV. */
export function formatFromName(file: string): SourceFormat | undefined {
  let name = file.toLowerCase();
  const compression = COMPRESSIONS.find((c) => name.endsWith(c));
  if (compression) name = name.slice(0, -compression.length);
  const format = EXTENSIONS[path.extname(name)];
  if (compression && (format === 'parquet' || format === 'arrow')) return undefined;
  return format;
}

/** Like formatFromName, but an unknown extension is an UNSUPPORTED error naming the file. */
export function formatOfFile(file: string): SourceFormat {
  const format = formatFromName(file);
  if (format) return format;
  throw new CtpipeError(
    'UNSUPPORTED',
    `cannot read ${file}: unknown file type; supported: ${SUPPORTED_EXTENSIONS.join(' ')} (csv/json also .gz, .zst)`,
    { details: { file, expected: SUPPORTED_EXTENSIONS.join(' '), found: path.extname(file) || '(none)' } },
  );
}

/**
 * `.json` files are either one JSON array or newline-delimited records (BigQuery and Spark export NDJSON as
 * `.json`); the first non-blank byte tells which. Compressed files are left to DuckDB's auto-detection.
 */
export async function jsonLayout(file: string): Promise<'array' | 'newline_delimited' | 'auto'> {
  if (COMPRESSIONS.some((c) => file.toLowerCase().endsWith(c))) return 'auto';
  const handle = await open(file, 'r');
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(4096), 0, 4096, 0);
    const first = buffer.subarray(0, bytesRead).toString('utf8').trimStart()[0];
    return first === '[' ? 'array' : 'newline_delimited';
  } finally {
    await handle.close();
  }
}
