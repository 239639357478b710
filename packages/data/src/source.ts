import { stat } from 'node:fs/promises';
import path from 'node:path';
import { CtpipeError } from '@ctpipe/errors';
import type { Column } from './column.js';
import type { Engine } from './engine.js';
import { hasGlob, listFiles, localPath } from './files.js';
import { formatFromName, formatOfFile, type SourceFormat, SUPPORTED_EXTENSIONS } from './formats.js';
import { arrowRelation } from './internal/arrow-reader.js';
import { type CsvDialect, csvRelation } from './internal/csv-reader.js';
import { jsonRelation } from './internal/json-reader.js';
import { parquetRelation } from './internal/parquet-reader.js';
import { quoteIdent } from './sql-quote.js';

/** A source opened in an engine: a view to SELECT from, its columns, and where it came from. */
export interface Table {
  /** The view's name; use `ref` in SQL. */
  name: string;
  /** The view's name quoted for SQL. */
  ref: string;
  columns: Column[];
  format: SourceFormat | 'bigquery';
  /** The files behind the view (for BigQuery: the exported temporary Parquet files). */
  files: readonly string[];
}

/** Anything the engine can read: files on a path or a glob, a BigQuery query… */
export interface Source {
  /** For messages and artifact metadata: the pattern, the file list or the query. */
  readonly location: string;
  open(engine: Engine, viewName: string): Promise<Table>;
}

export interface FileSourceOptions {
  /** Default 'auto': by file extension (`.json` files are sniffed for array vs NDJSON). */
  format?: SourceFormat | 'auto';
  csv?: CsvDialect;
}

/**
 * A path, a glob or a directory (its files with a supported extension, sorted), or an explicit file list.
 * Nothing is read until open().
 */
export function fileSource(location: string | readonly string[], options: FileSourceOptions = {}): Source {
  const shown = typeof location === 'string' ? location : location.join(', ');
  return {
    location: shown,
    async open(engine, viewName) {
      const files = await resolveFiles(location);
      const format = await pickFormat(files, options.format ?? 'auto', shown);
      const relation = await relationFor(engine, files, format, options, viewName);
      await engine.run(`CREATE OR REPLACE TEMP VIEW ${quoteIdent(viewName)} AS SELECT * FROM ${relation}`);
      const columns = await engine.describe(`SELECT * FROM ${quoteIdent(viewName)}`);
      return { name: viewName, ref: quoteIdent(viewName), columns, format, files };
    },
  };
}

async function resolveFiles(location: string | readonly string[]): Promise<string[]> {
  if (typeof location !== 'string') {
    const files = location.map(localPath);
    for (const file of files) {
      if (!(await stat(file).catch(() => undefined))?.isFile()) {
        throw new CtpipeError('NOT_FOUND', `no such file: ${file}`, { details: { file } });
      }
    }
    if (files.length === 0) throw new CtpipeError('NOT_FOUND', 'an empty file list was given as a source');
    return files;
  }
  const files = await listFiles(location);
  const isDirectory = !hasGlob(localPath(location)) && (await stat(localPath(location))).isDirectory();
  if (!isDirectory) return files;
  // A directory holds data files next to other things (READMEs, schemas): keep the readable ones.
  const data = files.filter((f) => formatFromName(f) !== undefined);
  if (data.length === 0) {
    throw new CtpipeError(
      'NOT_FOUND',
      `no data file in directory ${location} (looked for ${SUPPORTED_EXTENSIONS.join(' ')})`,
      { details: { path: location } },
    );
  }
  return data;
}

async function pickFormat(files: readonly string[], wanted: SourceFormat | 'auto', shown: string) {
  if (wanted !== 'auto') return wanted;
  const formats = new Set(files.map(formatOfFile).map((f) => (f === 'ndjson' ? 'json' : f)));
  if (formats.size > 1) {
    throw new CtpipeError(
      'BAD_INPUT',
      `${shown} mixes file formats (${[...formats].join(', ')}); read them separately`,
      {
        details: { path: shown, found: [...formats].join(', ') },
      },
    );
  }
  // NDJSON and JSON arrays share one reader, which tells them apart file by file.
  return files.every((f) => formatOfFile(f) === 'ndjson') ? 'ndjson' : ([...formats][0] as SourceFormat);
}

function relationFor(
  engine: Engine,
  files: readonly string[],
  format: SourceFormat,
  options: FileSourceOptions,
  viewName: string,
): Promise<string> | string {
  switch (format) {
    case 'csv':
      return csvRelation(engine, files, options.csv ?? {});
    case 'json':
      return jsonRelation(files);
    case 'ndjson':
      return jsonRelation(files, 'newline_delimited');
    case 'parquet':
      return parquetRelation(files);
    case 'arrow':
      return arrowRelation(files, path.join(engine.tempDir, `arrow-${viewName.replace(/[^\w-]/g, '_')}`));
  }
}
