import type { Schema } from '../../types/schema.js';
import { cEscape } from '../../validation/c-escape.js';
import { type FieldDescriptor, type MessageDescriptor, SCHEMA } from './descriptors.js';

/**
 * The schema in protobuf text format, laid out as TFDV's schema.pbtxt (Python text_format): fields in
 * field-number order, two-space indentation, enums bare, strings quoted. UTF-8 text is kept readable
 * rather than octal-escaped, since people edit this file.
 */
export function schemaToTextProto(schema: Schema): string {
  const lines: string[] = [];
  printMessage(SCHEMA, schema, '', lines);
  return lines.length === 0 ? '' : `${lines.join('\n')}\n`;
}

function printMessage(descriptor: MessageDescriptor, value: object, indent: string, lines: string[]): void {
  const record = value as Record<string, unknown>;
  for (const field of descriptor.fields) {
    const fieldValue = record[field.json];
    if (fieldValue === undefined) continue;
    const values = field.repeated && Array.isArray(fieldValue) ? fieldValue : [fieldValue];
    for (const item of values) {
      if (field.kind === 'message' && field.message) {
        lines.push(`${indent}${field.name} {`);
        printMessage(field.message(), item as object, `${indent}  `, lines);
        lines.push(`${indent}}`);
      } else {
        lines.push(`${indent}${field.name}: ${formatScalar(field, item)}`);
      }
    }
  }
}

function formatScalar(field: FieldDescriptor, value: unknown): string {
  switch (field.kind) {
    case 'string':
      return `"${cEscape(String(value))}"`;
    case 'double':
    case 'float':
      return formatFloat(Number(value));
    default:
      return String(value);
  }
}

/** Python's repr style: whole numbers keep ".0" so a double reads as one; the parser accepts either form. */
function formatFloat(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  return Number.isInteger(x) && Math.abs(x) < 1e16 ? x.toFixed(1) : String(x);
}
