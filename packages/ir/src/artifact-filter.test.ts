import { CtpipeError } from '@ctpipe/errors';
import { describe, expect, it } from 'vitest';
import { parseArtifactFilter } from './artifact-filter.js';

function errorOf(filter: string): CtpipeError {
  try {
    parseArtifactFilter(filter);
  } catch (err) {
    if (err instanceof CtpipeError) return err;
    throw err;
  }
  throw new Error(`expected ${filter} to be refused`);
}

describe('parseArtifactFilter', () => {
  it('parses every clause of the proto syntax, joined by AND', () => {
    const filter =
      'in_context("ctpipe-ct") AND artifact_type="system.Artifact" AND uri="gs://b/x" AND state=LIVE AND name="statistics"';
    expect(parseArtifactFilter(filter).clauses).toEqual([
      { kind: 'in_context', context: 'ctpipe-ct' },
      { kind: 'artifact_type', value: 'system.Artifact' },
      { kind: 'uri', value: 'gs://b/x' },
      { kind: 'state', value: 'LIVE' },
      { kind: 'name', value: 'statistics' },
    ]);
  });

  it('reads what TFX writes for Vertex (schema_title) and the Vertex spelling of the name', () => {
    expect(parseArtifactFilter('schema_title="tfx.Examples" AND state=LIVE').clauses).toEqual([
      { kind: 'artifact_type', value: 'tfx.Examples' },
      { kind: 'state', value: 'LIVE' },
    ]);
    expect(parseArtifactFilter('display_name = "statistics"').clauses).toEqual([
      { kind: 'name', value: 'statistics' },
    ]);
  });

  it('allows spaces, escapes in strings, a quoted state and an empty filter', () => {
    expect(
      parseArtifactFilter('  in_context ( "a \\"b\\" \\\\ c" )  AND  state = "DELETED" ').clauses,
    ).toEqual([
      { kind: 'in_context', context: 'a "b" \\ c' },
      { kind: 'state', value: 'DELETED' },
    ]);
    expect(parseArtifactFilter('').clauses).toEqual([]);
    expect(parseArtifactFilter('   ').clauses).toEqual([]);
  });

  it('keeps a placeholder inside a value as it is', () => {
    const filter = `name="{{$.inputs.artifacts['input'].metadata['current_model_id']}}"`;
    expect(parseArtifactFilter(filter).clauses).toEqual([
      { kind: 'name', value: "{{$.inputs.artifacts['input'].metadata['current_model_id']}}" },
    ]);
  });

  it('refuses an unknown field and says where', () => {
    const err = errorOf('state=LIVE AND create_time>1');
    expect(err.code).toBe('BAD_CONFIG');
    expect(err.details).toMatchObject({ position: 16, found: 'create_time' });
    expect(err.message).toMatch(/expected in_context\("…"\), artifact_type=.* at column 16/);
  });

  it('refuses OR, lowercase and, and a missing operator', () => {
    expect(errorOf('state=LIVE OR uri="x"').details).toMatchObject({
      position: 12,
      expected: "'AND' between clauses",
      found: 'OR',
    });
    expect(errorOf('state=LIVE and uri="x"').details).toMatchObject({ position: 12, found: 'and' });
    expect(errorOf('state=LIVE uri="x"').details).toMatchObject({ position: 12, found: 'uri' });
    expect(errorOf('uri "x"').details).toMatchObject({ position: 5, expected: "'='" });
  });

  it('refuses unquoted strings, unterminated strings and unknown states', () => {
    expect(errorOf('uri=gs://x').details).toMatchObject({ position: 5, expected: 'a double-quoted string' });
    expect(errorOf('name="stat').details).toMatchObject({ position: 6, expected: 'a closing "' });
    expect(errorOf('state=ALIVE').details).toMatchObject({ position: 7, found: 'ALIVE' });
    expect(errorOf('in_context("x"').details).toMatchObject({
      position: 15,
      expected: "')'",
      found: 'the end',
    });
    expect(errorOf('state=LIVE AND').details).toMatchObject({ position: 15 });
  });

  it('parses Vertex ML Metadata metadata clauses', () => {
    expect(
      parseArtifactFilter(
        'display_name="blessing" AND metadata.blessed.number_value=1 AND metadata.model.string_value="m" AND metadata.ok.bool_value=true',
      ).clauses,
    ).toEqual([
      { kind: 'name', value: 'blessing' },
      { kind: 'metadata', key: 'blessed', value: 1 },
      { kind: 'metadata', key: 'model', value: 'm' },
      { kind: 'metadata', key: 'ok', value: true },
    ]);
    expect(() => parseArtifactFilter('metadata.blessed.number_value="1"')).toThrowError(
      /number_value=<number>/,
    );
  });
});
