import { quoteIdent, quoteLiteral } from '@ctpipe/data';
import { LABEL_COLUMN, type TransformedBatch, type TransformGraph } from '@ctpipe/preprocessing';
import {
  DOUBLE,
  type DuckDBAppender,
  type DuckDBConnection,
  DuckDBDataChunk,
  type DuckDBType,
  FLOAT,
  INTEGER,
} from '@duckdb/node-api';

/** DuckDB's vector size: a data chunk holds at most this many rows. */
const CHUNK_ROWS = 2048;

interface OutputColumn {
  name: string;
  type: DuckDBType;
  /** Where the column's values sit in a transformed batch: row r at data[r * stride + offset]. */
  locate: (out: TransformedBatch) => { data: ArrayLike<number>; stride: number; offset: number };
}

/** The transformed examples' columns: featureColumns FLOAT, index features INTEGER, then `label`. */
export function outputColumns(graph: TransformGraph): OutputColumn[] {
  const width = graph.outputs.featureColumns.length;
  const columns: OutputColumn[] = graph.outputs.featureColumns.map((name, j) => ({
    name,
    type: FLOAT,
    locate: (out) => ({ data: out.features, stride: width, offset: j }),
  }));
  for (const f of graph.outputs.features) {
    if (f.kind === 'index') {
      columns.push({
        name: f.name,
        type: INTEGER,
        locate: (out) => ({ data: out.indices![f.name]!, stride: 1, offset: 0 }),
      });
    }
  }
  const label = graph.outputs.label;
  if (label) {
    columns.push({
      name: LABEL_COLUMN,
      type: label.kind === 'classification' ? INTEGER : DOUBLE,
      locate: (out) => ({ data: out.labels!, stride: 1, offset: 0 }),
    });
  }
  return columns;
}

/**
 * A table the transformed batches are appended to, chunk by chunk (DuckDB's appender, the fastest measured
 * route: ~3.8 s for 3M rows × 13 columns to zstd Parquet vs ~6.2 s through apache-arrow + parquet-wasm), then
 * written as one Parquet file.
 */
export class TransformedTable {
  private rows = 0;

  private constructor(
    private readonly conn: DuckDBConnection,
    private readonly table: string,
    private readonly columns: OutputColumn[],
    private readonly appender: DuckDBAppender,
  ) {}

  static async create(
    conn: DuckDBConnection,
    table: string,
    graph: TransformGraph,
  ): Promise<TransformedTable> {
    const columns = outputColumns(graph);
    const ddl = columns.map((c) => `${quoteIdent(c.name)} ${c.type.toString()}`).join(', ');
    await conn.run(`CREATE OR REPLACE TABLE ${quoteIdent(table)} (${ddl})`);
    return new TransformedTable(conn, table, columns, await conn.createAppender(table));
  }

  append(out: TransformedBatch): void {
    const types = this.columns.map((c) => c.type);
    const sources = this.columns.map((c) => c.locate(out));
    for (let start = 0; start < out.n; start += CHUNK_ROWS) {
      const rows = Math.min(CHUNK_ROWS, out.n - start);
      const chunk = DuckDBDataChunk.create(types, rows);
      for (const [j, { data, stride, offset }] of sources.entries()) {
        const vector = chunk.getColumnVector(j);
        for (let i = 0; i < rows; i++) vector.setItem(i, data[(start + i) * stride + offset]!);
        vector.flush();
      }
      this.appender.appendDataChunk(chunk);
    }
    this.rows += out.n;
  }

  /** Flushes, writes the table to `file` as zstd Parquet, drops it; returns the rows written. */
  async writeParquet(file: string): Promise<number> {
    this.appender.flushSync();
    this.appender.closeSync();
    await this.conn.run(
      `COPY ${quoteIdent(this.table)} TO ${quoteLiteral(file)} (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 122880)`,
    );
    await this.conn.run(`DROP TABLE ${quoteIdent(this.table)}`);
    return this.rows;
  }
}
