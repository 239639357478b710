import { CtpipeError, isCtpipeError } from '@ctpipe/errors';
import { compileTransform, type TransformGraph } from '@ctpipe/preprocessing';
import { type ReadColumn, readBatches } from './batch-reader.js';
import { type ColumnarSession, readError } from './columnar-session.js';
import { TransformedTable } from './transformed-table.js';

export interface SplitJob {
  split: string;
  /** SQL relation of the split's raw Parquet files. */
  relation: string;
  /** Raw feature columns, then the label column if the data has one. */
  columns: readonly ReadColumn[];
  /** The transformed split's Parquet file. */
  file: string;
  onRows: (done: number) => void;
}

/**
 * One split through the transform: raw columns stream out of DuckDB in batches, through applyTransform (the
 * function serving uses), into a table written as one Parquet file. Memory holds one batch, not the split.
 */
export async function transformSplit(
  session: ColumnarSession,
  graph: TransformGraph,
  job: SplitJob,
  tableName: string,
): Promise<number> {
  const compiled = compileTransform(graph);
  const table = await TransformedTable.create(session.writer, tableName, graph);
  let done = 0;
  try {
    for await (const { batch, n } of readBatches(session.reader, job.relation, job.columns)) {
      table.append(compiled.apply(batch, { rowOffset: done }));
      done += n;
      job.onRows(done);
    }
  } catch (err) {
    if (!isCtpipeError(err)) throw readError(`the ${job.split} split`, err);
    throw new CtpipeError(err.code, `split '${job.split}': ${err.message}`, {
      details: { ...err.details, split: job.split },
      cause: err,
    });
  }
  return table.writeParquet(job.file);
}
