import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { CtpipeError } from '@ctpipe/errors';
import type { RawColumn, RawType } from '@ctpipe/preprocessing';

const TYPES: Record<string, RawType> = { INT: 'number', FLOAT: 'number', BYTES: 'string' };

/** The features of validate's Schema artifact (tensorflow_metadata schema.json) as raw columns. */
export async function schemaColumns(schemaDir: string): Promise<RawColumn[]> {
  const file = join(schemaDir, 'schema.json');
  let schema: { feature?: { name?: unknown; type?: unknown }[] };
  try {
    schema = JSON.parse(await readFile(file, 'utf8'));
  } catch (err) {
    throw new CtpipeError('BAD_INPUT', `cannot read the schema ${file}: ${(err as Error).message}`, {
      details: { file },
      cause: err,
    });
  }
  return (schema.feature ?? []).map((f) => ({
    name: String(f.name),
    rawType: TYPES[String(f.type)],
    sourceType: String(f.type ?? 'TYPE_UNKNOWN'),
  }));
}
