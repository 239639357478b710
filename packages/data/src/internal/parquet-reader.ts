import { sqlStringList } from '../sql-quote.js';

/** Parquet files read in place; files whose schemas differ are aligned by column name. */
export function parquetRelation(files: readonly string[]): string {
  return `read_parquet(${sqlStringList(files)}, union_by_name = true)`;
}
