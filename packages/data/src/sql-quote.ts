/**
 * SQL quoting for DuckDB. Column names come from users' files (`Beak Length (mm)`, `a"b`), so every
 * identifier and literal that reaches SQL goes through here; nothing is interpolated raw.
 */

/** `Beak Length (mm)` → `"Beak Length (mm)"`; embedded quotes are doubled. */
export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** A string literal: `it's` → `'it''s'`. */
export function quoteLiteral(value: string): string {
  if (value.includes('\0')) {
    // DuckDB strings cannot hold NUL; refusing beats silently truncating a path or a value.
    throw new TypeError('a SQL string literal cannot contain a NUL character');
  }
  return `'${value.replaceAll("'", "''")}'`;
}

/** `['a.csv', 'b.csv']` → `['a.csv', 'b.csv']` as a DuckDB list literal (file lists for readers). */
export function sqlStringList(values: readonly string[]): string {
  return `[${values.map(quoteLiteral).join(', ')}]`;
}

/** `{name: 'BIGINT'}` → `{'name': 'BIGINT'}`: the struct literal read_csv/read_json take as `columns`. */
export function sqlColumnsStruct(columns: readonly { name: string; type: string }[]): string {
  return `{${columns.map((c) => `${quoteLiteral(c.name)}: ${quoteLiteral(c.type)}`).join(', ')}}`;
}
