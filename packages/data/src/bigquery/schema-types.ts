/** The parts of a BigQuery TableFieldSchema that decide how a value is stored. */
export interface BqField {
  name?: string | null;
  type?: string | null;
  mode?: string | null;
  fields?: BqField[] | null;
}

/**
 * DuckDB type for a BigQuery column. Types come from the query's schema, never from the data, so an empty
 * or all-NULL result still gets its real types. BIGNUMERIC (76 digits) exceeds DuckDB's DECIMAL(38) and
 * stays text; GEOGRAPHY stays WKT text; BYTES arrive base64-encoded (decoded to BLOB at the top level).
 */
export function duckDbTypeOf(field: BqField): string {
  const base = scalarType(field);
  return field.mode === 'REPEATED' ? `${base}[]` : base;
}

function scalarType(field: BqField): string {
  switch ((field.type ?? 'STRING').toUpperCase()) {
    case 'INTEGER':
    case 'INT64':
      return 'BIGINT';
    case 'FLOAT':
    case 'FLOAT64':
      return 'DOUBLE';
    case 'NUMERIC':
      return 'DECIMAL(38,9)';
    case 'BOOLEAN':
    case 'BOOL':
      return 'BOOLEAN';
    case 'TIMESTAMP':
      return 'TIMESTAMPTZ';
    case 'DATE':
      return 'DATE';
    case 'TIME':
      return 'TIME';
    case 'DATETIME':
      return 'TIMESTAMP';
    case 'JSON':
      return 'JSON';
    case 'RECORD':
    case 'STRUCT':
      return `STRUCT(${(field.fields ?? []).map((f) => `"${(f.name ?? '').replaceAll('"', '""')}" ${duckDbTypeOf(f)}`).join(', ')})`;
    default:
      // STRING, BYTES (base64), BIGNUMERIC, GEOGRAPHY, INTERVAL, RANGE.
      return 'VARCHAR';
  }
}
