import path from 'node:path';
import { examplesSplitFiles, openEngine, quoteLiteral } from '@ctpipe/data';
import { CtpipeError } from '@ctpipe/errors';

export type SampleRow = Record<string, unknown>;

/**
 * The first `limit` rows of one split of a raw Examples artifact (`Split-<name>/*.parquet`, file order), all
 * columns, as JSON values: a handful of rows, so row objects are fine here. A missing or empty split means the
 * inputs are broken, which is an error and not a verdict.
 */
export async function readSampleRows(
  examplesDir: string,
  split: string,
  limit: number,
): Promise<SampleRow[]> {
  const files = await examplesSplitFiles(examplesDir, split);
  const engine = await openEngine({ threads: 1 });
  try {
    const relation = `read_parquet([${files.map(quoteLiteral).join(', ')}], filename = true, file_row_number = true)`;
    const rows = await engine.query(
      `SELECT * EXCLUDE (filename, file_row_number) FROM ${relation} ORDER BY filename, file_row_number LIMIT ${limit}`,
    );
    if (rows.length === 0) {
      throw new CtpipeError('BAD_INPUT', `the ${split} split has no rows to send to the model`, {
        details: {
          path: path.join(examplesDir, `Split-${split}`),
          expected: 'at least one row',
          found: '0 rows',
        },
      });
    }
    return rows;
  } finally {
    await engine.close();
  }
}
