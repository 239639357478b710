import { bigQuerySource, fileSource, SOURCE_FORMATS, type Source, type SourceFormat } from '@ctpipe/data';
import { CtpipeError } from '@ctpipe/errors';
import { resolveSpan } from './span.js';

export interface SourceParams {
  input_pattern: string;
  source_format: string;
  bigquery_query: string;
  bigquery_project: string;
  bigquery_location: string;
  span: number;
}

export interface SourcePlan {
  source: Source;
  span: number;
  version?: number;
  /** What the artifact metadata records as `source`. */
  description: string;
  /** Input files, for the input fingerprint; empty for BigQuery. */
  files: string[];
}

/** Which source to read and which span: files (span from {SPAN}) or a BigQuery query (span given). */
export async function planSource(p: SourceParams): Promise<SourcePlan> {
  const format = p.source_format.trim().toLowerCase() || 'auto';
  const useBigQuery =
    format === 'bigquery' || (format === 'auto' && p.bigquery_query !== '' && p.input_pattern === '');
  if (useBigQuery) return planBigQuery(p);
  if (format !== 'auto' && !(SOURCE_FORMATS as readonly string[]).includes(format)) {
    throw new CtpipeError(
      'BAD_CONFIG',
      `source_format "${p.source_format}" is not one of auto, ${SOURCE_FORMATS.join(', ')}, bigquery`,
      { details: { path: 'source_format', found: p.source_format } },
    );
  }
  if (p.input_pattern === '') {
    throw new CtpipeError(
      'BAD_CONFIG',
      'input_pattern is empty: give a file, directory or glob (or a bigquery_query)',
      {
        details: { path: 'input_pattern' },
      },
    );
  }
  const resolved = await resolveSpan(p.input_pattern, p.span);
  const source = fileSource(resolved.files, format === 'auto' ? {} : { format: format as SourceFormat });
  return {
    source,
    span: resolved.span,
    ...versionOf(resolved.version),
    description: p.input_pattern,
    files: resolved.files,
  };
}

function planBigQuery(p: SourceParams): SourcePlan {
  if (p.bigquery_query === '' || p.bigquery_project === '') {
    throw new CtpipeError(
      'BAD_CONFIG',
      'reading from BigQuery needs both bigquery_query and bigquery_project',
      {
        details: { path: p.bigquery_query === '' ? 'bigquery_query' : 'bigquery_project' },
      },
    );
  }
  const hasSpan = p.bigquery_query.includes('{SPAN}');
  if (hasSpan && p.span < 0) {
    throw new CtpipeError(
      'BAD_CONFIG',
      'bigquery_query has {SPAN}: give the span to read (BigQuery has no files to scan)',
      {
        details: { path: 'span' },
      },
    );
  }
  const span = Math.max(p.span, 0);
  const query = p.bigquery_query.replaceAll('{SPAN}', String(span));
  const options = {
    projectId: p.bigquery_project,
    query,
    ...(p.bigquery_location ? { location: p.bigquery_location } : {}),
  };
  return {
    source: bigQuerySource(options),
    span,
    description: `bigquery:${p.bigquery_project}: ${query}`,
    files: [],
  };
}

function versionOf(version: number | undefined): { version?: number } {
  return version === undefined ? {} : { version };
}
