import { describe, expect, it } from 'vitest';
import { rowToJson, timestampFromMicros } from './row-values.js';
import { duckDbTypeOf } from './schema-types.js';

describe('BigQuery rows and types', () => {
  it('formats int64 microsecond timestamps exactly, before and after the epoch', () => {
    expect(timestampFromMicros('1700000000123456')).toBe('2023-11-14T22:13:20.123456Z');
    expect(timestampFromMicros('0')).toBe('1970-01-01T00:00:00.000000Z');
    expect(timestampFromMicros('-1')).toBe('1969-12-31T23:59:59.999999Z');
  });

  it('turns f/v rows into objects, recursing into records and repeated fields', () => {
    const fields = [
      { name: 'id', type: 'INTEGER' },
      { name: 'tags', type: 'STRING', mode: 'REPEATED' },
      { name: 'rec', type: 'RECORD', fields: [{ name: 'at', type: 'TIMESTAMP' }] },
      { name: 'doc', type: 'JSON' },
      { name: 'gone', type: 'STRING' },
    ];
    const row = {
      f: [
        { v: '9007199254740993' },
        { v: [{ v: 'a' }, { v: 'b' }] },
        { v: { f: [{ v: '0' }] } },
        { v: '{"k":[1]}' },
        { v: null },
      ],
    };
    expect(rowToJson(row, fields)).toEqual({
      id: '9007199254740993',
      tags: ['a', 'b'],
      rec: { at: '1970-01-01T00:00:00.000000Z' },
      doc: { k: [1] },
      gone: null,
    });
  });

  it('maps BigQuery types to DuckDB types', () => {
    expect(duckDbTypeOf({ type: 'INT64' })).toBe('BIGINT');
    expect(duckDbTypeOf({ type: 'FLOAT', mode: 'REPEATED' })).toBe('DOUBLE[]');
    expect(duckDbTypeOf({ type: 'NUMERIC' })).toBe('DECIMAL(38,9)');
    expect(duckDbTypeOf({ type: 'BIGNUMERIC' })).toBe('VARCHAR');
    expect(duckDbTypeOf({ type: 'TIMESTAMP' })).toBe('TIMESTAMPTZ');
    expect(duckDbTypeOf({ type: 'DATETIME' })).toBe('TIMESTAMP');
    expect(duckDbTypeOf({ type: 'RECORD', fields: [{ name: 'x y', type: 'BOOL' }] })).toBe(
      'STRUCT("x y" BOOLEAN)',
    );
  });
});
