import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { CtpipeError } from '@ctpipe/errors';
import { BigQuery, type Job } from '@google-cloud/bigquery';
import type { Engine } from '../engine.js';
import { writeParquet } from '../parquet-writer.js';
import type { Source, Table } from '../source.js';
import { quoteIdent, quoteLiteral, sqlColumnsStruct } from '../sql-quote.js';
import { fromBigQueryError } from './bigquery-error.js';
import { buildQueryJobRequest } from './query-job-request.js';
import { queryResultPages } from './query-results.js';
import { type RawRow, rowToJson } from './row-values.js';
import { type BqField, duckDbTypeOf } from './schema-types.js';

export interface BigQuerySourceOptions {
  projectId: string;
  query: string;
  location?: string;
  /** Rows per result page fetched from the API. */
  pageSize?: number;
  /** A configured client (tests point one at a local server); default: one with Application Default Credentials. */
  client?: BigQuery;
}

/**
 * Runs a query job and exports its result for the engine: result pages (REST JSON) are appended to an
 * NDJSON file, which DuckDB reads with the types of the query's schema and writes as one Parquet file.
 * At BigQuery scale, do the heavy work in the query itself; this path is for the rows ctpipe trains on.
 */
export function bigQuerySource(options: BigQuerySourceOptions): Source {
  return {
    location: `bigquery:${options.projectId}: ${options.query}`,
    async open(engine, viewName) {
      const client =
        options.client ?? new BigQuery({ projectId: options.projectId, location: options.location });
      try {
        await client.authClient.getClient();
        const params = options.location
          ? { query: options.query, location: options.location }
          : { query: options.query };
        const [job] = await client.createJob(buildQueryJobRequest(params));
        return await exportResult(engine, client, job, viewName, options.pageSize ?? 10_000);
      } catch (err) {
        throw fromBigQueryError(err);
      }
    },
  };
}

async function exportResult(
  engine: Engine,
  client: BigQuery,
  job: Job,
  viewName: string,
  pageSize: number,
): Promise<Table> {
  const dir = path.join(engine.tempDir, `bigquery-${viewName.replace(/[^\w-]/g, '_')}`);
  await mkdir(dir, { recursive: true });
  const ndjson = path.join(dir, 'rows.ndjson');
  const out = createWriteStream(ndjson);
  let fields: BqField[] | undefined;
  try {
    for await (const page of queryResultPages(client, job, pageSize)) {
      fields ??= page.schema?.fields;
      if (fields && page.rows && page.rows.length > 0) await append(out, page.rows, fields);
    }
  } finally {
    out.end();
    await once(out, 'close');
  }
  if (!fields) throw new CtpipeError('UNAVAILABLE', 'BigQuery returned no schema for the query result');
  const parquet = path.join(dir, 'result.parquet');
  await writeParquet(engine, typedSelect(ndjson, fields), parquet, { compression: 'snappy' });
  await engine.run(
    `CREATE OR REPLACE TEMP VIEW ${quoteIdent(viewName)} AS SELECT * FROM read_parquet(${quoteLiteral(parquet)})`,
  );
  const columns = await engine.describe(`SELECT * FROM ${quoteIdent(viewName)}`);
  return { name: viewName, ref: quoteIdent(viewName), columns, format: 'bigquery', files: [parquet] };
}

async function append(out: WriteStream, rows: RawRow[], fields: readonly BqField[]): Promise<void> {
  const text = `${rows.map((r) => JSON.stringify(rowToJson(r, fields))).join('\n')}\n`;
  if (!out.write(text)) await once(out, 'drain');
}

function typedSelect(ndjson: string, fields: readonly BqField[]): string {
  const columns = fields.map((f, i) => ({ name: f.name ?? `f${i}`, type: duckDbTypeOf(f) }));
  const projection = fields.map((f, i) => {
    const name = quoteIdent(columns[i]?.name ?? '');
    const isBytes = (f.type ?? '').toUpperCase() === 'BYTES' && f.mode !== 'REPEATED';
    return isBytes ? `from_base64(${name}) AS ${name}` : name;
  });
  return `SELECT ${projection.join(', ')} FROM read_json(${quoteLiteral(ndjson)}, format = 'newline_delimited', columns = ${sqlColumnsStruct(columns)})`;
}
