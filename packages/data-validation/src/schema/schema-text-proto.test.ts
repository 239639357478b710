import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { penguinsStats } from '../../test/stats-fixtures.js';
import { withDefaultComparators } from '../comparators/default-comparators.js';
import type { Schema } from '../types/schema.js';
import { inferSchema } from './infer-schema.js';
import { loadSchemaFile } from './load-schema-file.js';
import { parseSchemaJson, parseSchemaTextProto } from './parse-schema.js';
import { schemaToTextProto } from './text-format/print-text-format.js';

const curated: Schema = {
  feature: [
    {
      name: 'species',
      type: 'BYTES',
      domain: 'species',
      presence: { minFraction: 1, minCount: '1' },
      shape: { dim: [{ size: '1' }] },
      distributionConstraints: { minDomainMass: 0.95 },
      driftComparator: { infinityNorm: { threshold: 0.05 } },
      inEnvironment: ['TRAINING'],
      annotation: { tag: ['label'], comment: ['say "hi"\n\tüñí'] },
    },
    {
      name: 'body_mass_g',
      type: 'FLOAT',
      floatDomain: { min: -1.5, max: 7000, disallowNan: true },
      valueCount: { min: '1', max: '2' },
      skewComparator: { jensenShannonDivergence: { threshold: 0.1, source: { type: 'QUANTILES' } } },
      lifecycleStage: 'BETA',
    },
    {
      name: 'year',
      type: 'INT',
      intDomain: { min: '-9223372036854775808', max: '2030' },
      notInEnvironment: ['SERVING'],
    },
    { name: 'old', type: 'INT', deprecated: true, boolDomain: { trueValue: 'Y', falseValue: 'N' } },
  ],
  stringDomain: [
    { name: 'species', value: ['Adelie', 'Chinstrap', 'Gentoo'], isCategorical: 'CATEGORICAL_YES' },
  ],
  defaultEnvironment: ['TRAINING', 'SERVING'],
  datasetConstraints: { numExamplesDriftComparator: { minFractionThreshold: 0.5 }, minExamplesCount: '10' },
};

describe('schemaToTextProto', () => {
  it('writes TFDV schema.pbtxt layout', () => {
    const text = schemaToTextProto(inferSchema(penguinsStats()));
    expect(
      text.startsWith(
        [
          'feature {',
          '  name: "species"',
          '  type: BYTES',
          '  domain: "species"',
          '  presence {',
          '    min_fraction: 1.0',
          '    min_count: 1',
          '  }',
          '  shape {',
          '    dim {',
          '      size: 1',
          '    }',
          '  }',
          '}',
        ].join('\n'),
      ),
    ).toBe(true);
    expect(text).toContain(
      'string_domain {\n  name: "species"\n  value: "Adelie"\n  value: "Chinstrap"\n  value: "Gentoo"\n}',
    );
    expect(text).toContain('  bool_domain {\n  }\n');
  });

  it('round-trips: schema → text → parse gives the same schema', () => {
    for (const schema of [curated, withDefaultComparators(inferSchema(penguinsStats()))]) {
      expect(parseSchemaTextProto(schemaToTextProto(schema))).toEqual(schema);
    }
  });

  it('escapes strings', () => {
    expect(schemaToTextProto(curated)).toContain('comment: "say \\"hi\\"\\n\\tüñí"');
  });
});

describe('parseSchemaTextProto', () => {
  it('reads comments, list syntax, octal/hex escapes, numeric enums, separators and angle brackets', () => {
    const schema = parseSchemaTextProto(
      [
        '# curated by hand',
        'feature { name: "caf\\303\\251" type: 1 ; presence < min_count: 0x2 >, in_environment: ["A", "B"] }',
        'default_environment: \'A\' default_environment: "B"  # trailing comment',
        'feature: { name: "x" "y" type: FLOAT float_domain { min: -inf max: 1e3 } }',
      ].join('\n'),
    );
    expect(schema).toEqual({
      feature: [
        { name: 'café', type: 'BYTES', presence: { minCount: '2' }, inEnvironment: ['A', 'B'] },
        { name: 'xy', type: 'FLOAT', floatDomain: { min: -Infinity, max: 1000 } },
      ],
      defaultEnvironment: ['A', 'B'],
    });
  });

  const errorOf = (text: string) => {
    try {
      parseSchemaTextProto(text, 'schema.pbtxt');
    } catch (err) {
      return err;
    }
    throw new Error('expected a parse error');
  };

  it.each([
    ['feature {\n  nme: "x"\n}', 2, 3, 'unknown field "nme" in Feature'],
    [
      'feature {\n  name: "x"\n  type: BYTE\n}',
      3,
      9,
      'expected one of TYPE_UNKNOWN, BYTES, INT, FLOAT, STRUCT for "type"',
    ],
    [
      'feature {\n  name: "x"\n  presence { min_count: 1.5 }\n}',
      3,
      25,
      'expected an integer for "min_count"',
    ],
    ['feature {\n  name: "x"\n  name: "y"\n}', 3, 3, '"name" is set twice in Feature'],
    [
      'feature {\n  name: "x"\n  domain: "d"\n  int_domain {}\n}',
      4,
      3,
      '"int_domain" and "domain" are both set',
    ],
    ['feature {\n  name: "x\n}', 2, 9, 'unterminated string'],
    ['feature {\n  name: "x"\n', 3, 1, 'expected "}" to close Feature'],
    ['feature {\n  name "x"\n}', 2, 8, 'expected ":" after "name"'],
    ['feature { name: "x" } @', 1, 23, 'unexpected character "@"'],
  ])('reports %j at line %i, column %i', (text, line, column, message) => {
    const err = errorOf(text);
    expect(err).toMatchObject({
      code: 'BAD_CONFIG',
      details: { file: 'schema.pbtxt', line, column: String(column) },
    });
    expect((err as Error).message).toContain(`schema.pbtxt:${line}:${column}: ${message}`);
  });

  it('rejects a domain reference that the schema does not define', () => {
    expect(() => parseSchemaTextProto('feature { name: "s" type: BYTES domain: "nope" }', 's.pbtxt')).toThrow(
      /refers to string domain "nope"/,
    );
  });
});

describe('parseSchemaJson', () => {
  it('accepts snake_case keys, numeric int64 and enum numbers, and normalises them', () => {
    const schema = parseSchemaJson(
      JSON.stringify({
        feature: [{ name: 'a', type: 2, presence: { min_count: 1, minFraction: 1 }, int_domain: { max: 5 } }],
      }),
    );
    expect(schema).toEqual({
      feature: [
        { name: 'a', type: 'INT', presence: { minCount: '1', minFraction: 1 }, intDomain: { max: '5' } },
      ],
    });
  });

  it('round-trips the JSON form', () => {
    expect(parseSchemaJson(JSON.stringify(curated))).toEqual(curated);
  });

  it('names the JSON path of a wrong value and the position of a syntax error', () => {
    expect(() =>
      parseSchemaJson('{"feature":[{"name":"a","type":"INT","presence":{"minCount":"x"}}]}', 'schema.json'),
    ).toThrow(
      expect.objectContaining({
        code: 'BAD_CONFIG',
        details: expect.objectContaining({ path: 'feature[0].presence.minCount' }),
      }),
    );
    expect(() => parseSchemaJson('{"feature":[{"nam":"a"}]}')).toThrow(/unknown field "nam" in Feature/);
    expect(() => parseSchemaJson('{"feature": []}\n x', 'schema.json')).toThrow(
      expect.objectContaining({ details: { file: 'schema.json', line: 2, column: '2' } }),
    );
    expect(() => parseSchemaJson('{"feature": [,]}', 'schema.json')).toThrow(/schema.json: invalid JSON/);
  });
});

describe('loadSchemaFile', () => {
  it('chooses the parser by extension and reports missing files', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ctpipe-schema-'));
    await writeFile(join(dir, 'schema.pbtxt'), schemaToTextProto(curated));
    await writeFile(join(dir, 'schema.json'), JSON.stringify(curated));
    expect(await loadSchemaFile(join(dir, 'schema.pbtxt'))).toEqual(curated);
    expect(await loadSchemaFile(join(dir, 'schema.json'))).toEqual(curated);
    await expect(loadSchemaFile(join(dir, 'missing.pbtxt'))).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(loadSchemaFile(join(dir, 'schema.yaml'))).rejects.toMatchObject({ code: 'UNSUPPORTED' });
  });
});
