import { type Engine, examplesSplitFiles, quoteIdent, quoteLiteral } from '@ctpipe/data';
import { CtpipeError } from '@ctpipe/errors';
import type { Examples } from '@ctpipe/model';

export const LABEL_COLUMN = 'label';

/**
 * Reads one split of the transformed examples (`Split-<name>/*.parquet`: one FLOAT column per dense feature
 * column, one integer column per index feature, and `label`) into typed arrays, dense features row-major. Each column comes back as one DuckDB list, never as row objects;
 * rows keep file order (file name, then row number) so a seeded shuffle sees the same rows every run.
 */
export async function readTransformedSplit(
  engine: Engine,
  examplesDir: string,
  split: string,
  featureColumns: readonly string[],
  indexFeatures: readonly string[],
): Promise<Examples> {
  const files = await examplesSplitFiles(examplesDir, split);
  const relation = `read_parquet(${`[${files.map(quoteLiteral).join(', ')}]`}, filename = true, file_row_number = true)`;
  const present = new Set((await engine.describe(`SELECT * FROM ${relation}`)).map((c) => c.name));
  const columns = [...featureColumns, ...indexFeatures, LABEL_COLUMN];
  const missing = columns.filter((c) => !present.has(c));
  if (missing.length > 0) {
    throw new CtpipeError('BAD_INPUT', 'the transformed examples lack columns the TransformGraph names', {
      details: {
        file: files[0],
        column: missing[0],
        expected: missing.join(', '),
        found: [...present].join(', '),
      },
    });
  }
  // DOUBLE: 64-bit integer columns would come back as strings, and every value here is numeric anyway.
  const lists = columns.map(
    (c, i) => `list(CAST(${quoteIdent(c)} AS DOUBLE) ORDER BY filename, file_row_number) AS c${i}`,
  );
  const [row] = await engine.query(`SELECT count(*) AS n, ${lists.join(', ')} FROM ${relation}`);
  const n = Number(row?.n ?? 0);
  const featureCount = featureColumns.length;
  const features = new Float32Array(n * featureCount);
  const indices: Record<string, Int32Array> = {};
  for (const name of indexFeatures) indices[name] = new Int32Array(n);
  const labels = new Float32Array(n);
  for (const [i, name] of columns.entries()) {
    const values = (row?.[`c${i}`] ?? []) as (number | null)[];
    for (let r = 0; r < n; r++) {
      const v = values[r];
      if (typeof v !== 'number') {
        throw new CtpipeError('BAD_INPUT', 'a transformed value is missing or not a number', {
          details: { file: files[0], column: name, row: r, expected: 'a FLOAT', found: String(v) },
        });
      }
      if (i < featureCount) features[r * featureCount + i] = v;
      else if (name === LABEL_COLUMN) labels[r] = v;
      else indices[name]![r] = v;
    }
  }
  return { features, labels, n, ...(indexFeatures.length > 0 ? { indices } : {}) };
}
