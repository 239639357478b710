export { type BigQuerySourceOptions, bigQuerySource } from './bigquery/bigquery-source.js';
export { buildQueryJobRequest, type QueryJobParams } from './bigquery/query-job-request.js';
export type { Column } from './column.js';
export { Engine, type EngineOptions, openEngine, type RunOptions } from './engine.js';
export { examplesSplitFiles, examplesSplitNames } from './examples-splits.js';
export { globRegExpSource, hasGlob, listFiles, localPath } from './files.js';
export {
  formatFromName,
  formatOfFile,
  SOURCE_FORMATS,
  type SourceFormat,
  SUPPORTED_EXTENSIONS,
} from './formats.js';
export type { CsvDialect } from './internal/csv-reader.js';
export { type ParquetWriteOptions, writeParquet } from './parquet-writer.js';
export { type FileSourceOptions, fileSource, type Source, type Table } from './source.js';
export { type SpanMatch, type SpanPatternMatcher, spanPatternMatcher } from './span-pattern.js';
export { quoteIdent, quoteLiteral, sqlColumnsStruct, sqlStringList } from './sql-quote.js';
