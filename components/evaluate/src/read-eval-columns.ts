import { type Engine, examplesSplitFiles, openEngine, quoteIdent, quoteLiteral } from '@ctpipe/data';
import { CtpipeError } from '@ctpipe/errors';

/** A raw column: numbers as float64 (NaN = missing), anything else as strings (null = missing). */
export type RawColumn = Float64Array | (string | null)[];

export interface EvalColumns {
  n: number;
  columns: Map<string, RawColumn>;
  /** The split's first file, for error messages. */
  file: string;
}

const NUMERIC_TYPE =
  /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|DOUBLE|DECIMAL)/;

/**
 * Reads the named columns of one split of a raw Examples artifact (`Split-<name>/*.parquet`) column by column,
 * in file order: each column comes back as one DuckDB list, never as row objects. Numeric columns are cast to
 * DOUBLE (64-bit integers would otherwise arrive as strings); a column the split lacks is a BAD_INPUT naming
 * what needed it.
 */
export async function readEvalColumns(
  examplesDir: string,
  split: string,
  wanted: ReadonlyMap<string, string>,
): Promise<EvalColumns> {
  const files = await examplesSplitFiles(examplesDir, split);
  const engine = await openEngine();
  try {
    const relation = `read_parquet([${files.map(quoteLiteral).join(', ')}], filename = true, file_row_number = true)`;
    const types = new Map((await engine.describe(`SELECT * FROM ${relation}`)).map((c) => [c.name, c.type]));
    for (const [name, neededBy] of wanted) {
      if (!types.has(name)) {
        throw new CtpipeError(
          'BAD_INPUT',
          `the ${split} split has no column '${name}' (needed by ${neededBy})`,
          {
            details: { file: files[0], column: name, expected: name, found: [...types.keys()].join(', ') },
          },
        );
      }
    }
    return { ...(await readLists(engine, relation, [...wanted.keys()], types)), file: files[0]! };
  } finally {
    await engine.close();
  }
}

async function readLists(
  engine: Engine,
  relation: string,
  names: readonly string[],
  types: ReadonlyMap<string, string>,
): Promise<Omit<EvalColumns, 'file'>> {
  const numeric = names.map((name) => NUMERIC_TYPE.test(types.get(name)!));
  const lists = names.map((name, i) => {
    const cast = `CAST(${quoteIdent(name)} AS ${numeric[i] ? 'DOUBLE' : 'VARCHAR'})`;
    return `list(${cast} ORDER BY filename, file_row_number) AS c${i}`;
  });
  const [row] = await engine.query(`SELECT count(*) AS n, ${lists.join(', ')} FROM ${relation}`);
  const n = Number(row?.n ?? 0);
  const columns = new Map<string, RawColumn>();
  names.forEach((name, i) => {
    const values = (row?.[`c${i}`] ?? []) as unknown[];
    if (numeric[i]) {
      // DuckDB's JSON hands NaN and ±Infinity over as strings, which Number() reads back.
      columns.set(
        name,
        Float64Array.from(values, (v) => (typeof v === 'number' ? v : v === null ? NaN : Number(v))),
      );
    } else {
      columns.set(
        name,
        values.map((v) => (v === null ? null : String(v))),
      );
    }
  });
  return { n, columns };
}
