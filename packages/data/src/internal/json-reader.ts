import { jsonLayout } from '../formats.js';
import { quoteLiteral, sqlStringList } from '../sql-quote.js';

/**
 * JSON arrays and newline-delimited JSON through DuckDB's read_json. Files are grouped by layout because
 * one read_json call takes one `format`; records that disagree on keys are aligned by name.
 */
export async function jsonRelation(files: readonly string[], layout?: 'newline_delimited'): Promise<string> {
  const groups = new Map<string, string[]>();
  for (const file of files) {
    const fileLayout = layout ?? (await jsonLayout(file));
    groups.set(fileLayout, [...(groups.get(fileLayout) ?? []), file]);
  }
  const reads = [...groups].map(
    ([format, group]) =>
      `read_json(${sqlStringList(group)}, format = ${quoteLiteral(format)}, union_by_name = true)`,
  );
  if (reads.length === 1) return reads[0] as string;
  return `(${reads.map((r) => `SELECT * FROM ${r}`).join(' UNION ALL BY NAME ')})`;
}
