import { stat } from 'node:fs/promises';
import { CtpipeError } from '@ctpipe/errors';
import type { Column } from '../column.js';
import type { Engine } from '../engine.js';
import { quoteLiteral, sqlColumnsStruct } from '../sql-quote.js';

/** The CSV dialect is stated, never guessed: a guessed dialect turns a malformed file into one odd column. */
export interface CsvDialect {
  /** Default ',' (a `.tsv` file: tab). */
  delimiter?: string;
  /** Default '"'. */
  quote?: string;
  /** Default: the quote character (RFC 4180 doubling). */
  escape?: string;
  /** Default true: the first line names the columns. */
  header?: boolean;
}

interface Sniffed {
  columns: Column[];
  dateFormat: string | null;
  timestampFormat: string | null;
}

/**
 * Two passes, because DuckDB's sniffer fails opaquely on a malformed file: sniff names and types with
 * ignore_errors (bad rows skipped), then read with those columns fixed and strict_mode on, so a bad row
 * fails with its line number and, for a type clash, the column.
 */
export async function csvRelation(
  engine: Engine,
  files: readonly string[],
  dialect: CsvDialect,
): Promise<string> {
  const reads: { file: string; sniffed: Sniffed }[] = [];
  for (const file of files) {
    if ((await stat(file)).size === 0) {
      throw new CtpipeError('BAD_INPUT', `${file} is empty: a CSV file needs at least a header line`, {
        details: { file, line: 1 },
      });
    }
    reads.push({ file, sniffed: await sniff(engine, file, dialect) });
  }
  const first = reads[0];
  if (!first) throw new CtpipeError('INTERNAL', 'csvRelation called without files');
  const key = (s: Sniffed) => JSON.stringify(s);
  if (reads.every((r) => key(r.sniffed) === key(first.sniffed))) {
    return strictRead(
      reads.map((r) => r.file),
      first.sniffed,
      dialect,
    );
  }
  // Files that disagree on columns are aligned by name; a column missing from a file reads as NULL.
  return `(${reads.map((r) => `SELECT * FROM ${strictRead([r.file], r.sniffed, dialect)}`).join(' UNION ALL BY NAME ')})`;
}

async function sniff(engine: Engine, file: string, dialect: CsvDialect): Promise<Sniffed> {
  const [row] = await engine.query(
    `SELECT Columns, DateFormat, TimestampFormat FROM sniff_csv(${quoteLiteral(file)}, ${dialectArgs(file, dialect)}, ignore_errors = true)`,
  );
  const columns = (row?.Columns ?? []) as { name: string; type: string }[];
  return {
    columns: columns.map((c) => ({ name: c.name, type: c.type })),
    dateFormat: (row?.DateFormat as string | null) ?? null,
    timestampFormat: (row?.TimestampFormat as string | null) ?? null,
  };
}

function strictRead(files: readonly string[], sniffed: Sniffed, dialect: CsvDialect): string {
  const first = files[0] ?? '';
  const list = files.map(quoteLiteral).join(', ');
  const formats = [
    sniffed.dateFormat ? `dateformat = ${quoteLiteral(sniffed.dateFormat)}` : '',
    sniffed.timestampFormat ? `timestampformat = ${quoteLiteral(sniffed.timestampFormat)}` : '',
  ].filter(Boolean);
  return `read_csv([${list}], ${[
    dialectArgs(first, dialect),
    'auto_detect = false',
    `columns = ${sqlColumnsStruct(sniffed.columns)}`,
    'strict_mode = true',
    ...formats,
  ].join(', ')})`;
}

function dialectArgs(file: string, dialect: CsvDialect): string {
  const delimiter = dialect.delimiter ?? (/\.tsv(\.gz|\.zst)?$/i.test(file) ? '\t' : ',');
  const quote = dialect.quote ?? '"';
  return [
    `delim = ${quoteLiteral(delimiter)}`,
    `quote = ${quoteLiteral(quote)}`,
    `escape = ${quoteLiteral(dialect.escape ?? quote)}`,
    `header = ${dialect.header ?? true}`,
  ].join(', ');
}
