import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { type Engine, openEngine, quoteLiteral } from '@ctpipe/data';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DatasetFeatureStatisticsList } from '../types/statistics.js';
import { computeStatistics } from './compute-statistics.js';

interface FieldSpec {
  kind: string;
  repeated?: boolean;
  oneof?: string;
  values?: string[];
}
type MessageTable = Record<string, Record<string, FieldSpec>>;

const { $source: _, ...messages } = JSON.parse(
  readFileSync(new URL('./fixtures/statistics-proto-messages.json', import.meta.url), 'utf8'),
) as MessageTable & { $source: unknown };
const table = messages as MessageTable;

const INT64 = /^-?(0|[1-9]\d*)$/;
const UINT64 = /^(0|[1-9]\d*)$/;
const SPECIAL_DOUBLES = ['NaN', 'Infinity', '-Infinity'];

/** Every problem found walking `value` as message `type` of the proto3 JSON mapping. */
function check(value: unknown, type: string, where: string, problems: string[]): void {
  const fields = table[type];
  if (fields === undefined) {
    problems.push(`${where}: message ${type} is not one ctpipe should emit`);
    return;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    problems.push(`${where}: ${type} must be a JSON object`);
    return;
  }
  const oneofs = new Map<string, string[]>();
  for (const [key, field] of Object.entries(value)) {
    const spec = fields[key];
    if (spec === undefined) {
      problems.push(`${where}.${key}: not a field of ${type}`);
      continue;
    }
    if (spec.oneof) oneofs.set(spec.oneof, [...(oneofs.get(spec.oneof) ?? []), key]);
    if (spec.repeated) {
      if (!Array.isArray(field)) problems.push(`${where}.${key}: repeated field must be an array`);
      else
        for (const [i, item] of field.entries()) checkScalar(item, spec, `${where}.${key}[${i}]`, problems);
    } else {
      checkScalar(field, spec, `${where}.${key}`, problems);
    }
  }
  for (const [oneof, keys] of oneofs) {
    if (keys.length > 1) problems.push(`${where}: oneof ${oneof} has ${keys.join(' and ')}`);
  }
}

function checkScalar(value: unknown, spec: FieldSpec, where: string, problems: string[]): void {
  const fail = (expected: string) =>
    problems.push(`${where}: expected ${expected}, found ${JSON.stringify(value)}`);
  switch (spec.kind) {
    case 'uint64':
      if (typeof value !== 'string' || !UINT64.test(value)) fail('a uint64 as a decimal string');
      return;
    case 'int64':
      if (typeof value !== 'string' || !INT64.test(value)) fail('an int64 as a decimal string');
      return;
    case 'double':
    case 'float':
      if (
        !(typeof value === 'number' && Number.isFinite(value)) &&
        !SPECIAL_DOUBLES.includes(value as string)
      ) {
        fail('a finite number or "NaN"/"Infinity"/"-Infinity"');
      }
      return;
    case 'int32':
      if (!Number.isInteger(value)) fail('an integer');
      return;
    case 'string':
      if (typeof value !== 'string') fail('a string');
      return;
    case 'bool':
      if (typeof value !== 'boolean') fail('a boolean');
      return;
    case 'enum':
      if (!spec.values?.includes(value as string)) fail(`one of ${spec.values?.join(', ')}`);
      return;
    default:
      check(value, spec.kind, where, problems);
  }
}

let engine: Engine;
let emitted: DatasetFeatureStatisticsList;

beforeAll(async () => {
  engine = await openEngine({ threads: 2 });
  const main = createRequire(import.meta.url).resolve('vega-datasets');
  const penguins = path.join(path.dirname(main), '..', 'data', 'penguins.json');
  emitted = await computeStatistics(engine, [
    { name: 'penguins', source: `read_json(${quoteLiteral(penguins)})` },
    {
      name: 'special',
      source: `(SELECT * FROM (VALUES (1.5::DOUBLE, NULL::VARCHAR, 'NaN'::DOUBLE, true, TIMESTAMP '2024-01-01'),
        ('Infinity', NULL, 'NaN', false, NULL), ('-Infinity', NULL, 'NaN', NULL, TIMESTAMP '2024-01-02'))
        t(x, nothing, nan, flag, seen_at))`,
    },
    { name: 'empty', source: `(SELECT 1 AS i, 'a' AS s, 1.5 AS d WHERE false)` },
  ]);
  // What a reader gets: JSON.stringify would turn a stray NaN number into null, which the walk then rejects.
  emitted = JSON.parse(JSON.stringify(emitted));
});

afterAll(() => engine.close());

describe('emitted statistics against statistics.proto', () => {
  test('every key is a field of its message and every value has its proto3 JSON type', () => {
    const problems: string[] = [];
    check(emitted, 'DatasetFeatureStatisticsList', '$', problems);
    expect(problems).toEqual([]);
  });

  test('the walk sees every dataset and catches wrong encodings', () => {
    expect(emitted.datasets.map((d) => d.name)).toEqual(['penguins', 'special', 'empty']);
    const problems: string[] = [];
    const bad = {
      datasets: [
        {
          name: 'x',
          numExamples: 3,
          features: [{ path: { step: ['a'] }, type: 'INT', numStats: {}, colour: 1 }],
        },
      ],
    };
    check(bad, 'DatasetFeatureStatisticsList', '$', problems);
    expect(problems).toEqual([
      '$.datasets[0].numExamples: expected a uint64 as a decimal string, found 3',
      '$.datasets[0].features[0].colour: not a field of FeatureNameStatistics',
    ]);
  });

  test('histogram bounds are never NaN (the proto forbids it); infinities are spelled as strings', () => {
    const bounds = emitted.datasets.flatMap((d) =>
      d.features.flatMap((f) =>
        (f.numStats?.histograms ?? []).flatMap((h) => h.buckets.flatMap((b) => [b.lowValue, b.highValue])),
      ),
    );
    expect(bounds.length).toBeGreaterThan(100);
    expect(bounds).not.toContain('NaN');
    expect(bounds).toContain('Infinity');
    expect(bounds).toContain('-Infinity');
  });
});
