import { CtpipeError } from '@ctpipe/errors';
import type { Schema } from '../types/schema.js';
import { checkSchema } from './check-schema.js';
import { decodeJsonMessage } from './text-format/decode-json.js';
import { SCHEMA } from './text-format/descriptors.js';
import { parseTextFormat } from './text-format/parse-text-format.js';

/** A schema.pbtxt as people curate it (TFDV's SchemaGen output format). */
export function parseSchemaTextProto(text: string, file?: string): Schema {
  return finish(parseTextFormat(text, SCHEMA, { file }), file);
}

/** A schema in tensorflow_metadata JSON form; snake_case keys and numeric enums are accepted too. */
export function parseSchemaJson(text: string, file?: string): Schema {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    const position = jsonErrorPosition(text, err);
    const where = position ? `${file ?? 'schema'}:${position.line}:${position.column}` : (file ?? 'schema');
    throw new CtpipeError('BAD_CONFIG', `${where}: invalid JSON (${(err as Error).message})`, {
      details: { file, ...(position ? { line: position.line, column: String(position.column) } : {}) },
      cause: err,
    });
  }
  return finish(decodeJsonMessage(value, SCHEMA, '', file), file);
}

function finish(message: Record<string, unknown>, file: string | undefined): Schema {
  // The descriptor table mirrors types/schema.ts field for field, so the decoded message has the Schema shape.
  const schema = { feature: [], ...message } as unknown as Schema;
  checkSchema(schema, file);
  return schema;
}

/** V8 reports "at position N" for some syntax errors (not all); turn it into a 1-based line and column. */
function jsonErrorPosition(text: string, err: unknown): { line: number; column: number } | undefined {
  const position = /position (\d+)/.exec(err instanceof Error ? err.message : '');
  if (!position) return undefined;
  const before = text.slice(0, Number(position[1]));
  return { line: before.split('\n').length, column: before.length - before.lastIndexOf('\n') };
}
