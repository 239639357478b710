/** A column as the engine sees it: the exact name from the source and DuckDB's type name. */
export interface Column {
  name: string;
  /** DuckDB logical type as DESCRIBE prints it: BIGINT, DOUBLE, VARCHAR, TIMESTAMP, STRUCT(...)… */
  type: string;
}
