import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { CtpipeError } from '@ctpipe/errors';
import type { Schema } from '../types/schema.js';
import { parseSchemaJson, parseSchemaTextProto } from './parse-schema.js';

const TEXT_EXTENSIONS = new Set(['.pbtxt', '.textproto', '.txtpb', '.prototxt']);

/** Reads a curated schema: text proto (.pbtxt, .textproto) or JSON (.json), chosen by extension. */
export async function loadSchemaFile(path: string): Promise<Schema> {
  const extension = extname(path).toLowerCase();
  if (extension !== '.json' && !TEXT_EXTENSIONS.has(extension)) {
    throw new CtpipeError('UNSUPPORTED', `schema file "${path}" has an unknown extension`, {
      details: { file: path, expected: '.pbtxt, .textproto or .json', found: extension || '(none)' },
    });
  }
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new CtpipeError(
      code === 'ENOENT' ? 'NOT_FOUND' : 'BAD_INPUT',
      `cannot read schema file "${path}"`,
      {
        details: { file: path },
        cause: err,
      },
    );
  }
  return extension === '.json' ? parseSchemaJson(text, path) : parseSchemaTextProto(text, path);
}
