import { type Engine, fileSource, listFiles, quoteIdent } from '@ctpipe/data';
import { CtpipeError } from '@ctpipe/errors';

export interface FeedbackColumns {
  label: string;
  prediction: string;
}

export interface FileAccuracy {
  file: string;
  /** Rows in the file now; the next check starts after them. */
  rows: number;
  /** Rows after `from` with a label. */
  examples: number;
  correct: number;
}

/** Files of a feedback location (file, folder or glob); none yet is not an error for a trigger. */
export async function feedbackFiles(location: string): Promise<string[]> {
  return listFiles(location).catch((err: unknown) => {
    if (err instanceof CtpipeError && err.code === 'NOT_FOUND') return [];
    throw err;
  });
}

/**
 * Labelled examples and correct predictions among the rows after the first `from` of one feedback file (NDJSON, CSV,
 * Parquet … anything @ctpipe/data reads). Feedback files are appended to, so row order is arrival order. Numbers
 * compare as numbers (1 = 1.0), anything else as text.
 */
export async function fileAccuracy(
  engine: Engine,
  file: string,
  columns: FeedbackColumns,
  from: number,
): Promise<FileAccuracy> {
  const table = await fileSource(file).open(engine, 'feedback');
  const names = table.columns.map((c) => c.name);
  for (const column of [columns.label, columns.prediction]) {
    if (!names.includes(column)) {
      throw new CtpipeError('BAD_INPUT', `feedback file ${file} has no column "${column}"`, {
        details: { file, column, expected: column, found: names.join(', ') },
      });
    }
  }
  const label = quoteIdent(columns.label);
  const prediction = quoteIdent(columns.prediction);
  const asNumber = (c: string) => `TRY_CAST(${c} AS DOUBLE)`;
  const same = `CASE WHEN ${asNumber('l')} IS NOT NULL AND ${asNumber('p')} IS NOT NULL
      THEN ${asNumber('l')} = ${asNumber('p')} ELSE CAST(l AS VARCHAR) = CAST(p AS VARCHAR) END`;
  const [row] = await engine.query(
    `SELECT (SELECT count(*) FROM ${table.ref}) AS total,
            count(*) FILTER (WHERE l IS NOT NULL) AS examples,
            count(*) FILTER (WHERE l IS NOT NULL AND coalesce(${same}, false)) AS correct
     FROM (SELECT ${label} AS l, ${prediction} AS p, row_number() OVER () AS rn FROM ${table.ref})
     WHERE rn > ${Math.max(0, Math.floor(from))}`,
  );
  return {
    file,
    rows: Number(row?.total ?? 0),
    examples: Number(row?.examples ?? 0),
    correct: Number(row?.correct ?? 0),
  };
}
