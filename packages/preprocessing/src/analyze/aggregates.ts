import type { Engine } from '@ctpipe/data';

export type SqlEngine = Pick<Engine, 'query'>;
type Row = Record<string, unknown>;

interface Pending {
  input: string;
  aggregate: (column: string) => string;
  resolve: (value: unknown) => void;
  reject: (err: unknown) => void;
}

/**
 * Analyzers ask for aggregates one at a time; this runs every request made in the same turn as ONE scan
 * (`SELECT avg(c0), stddev_pop(c0), min(c1)… FROM (SELECT <input> AS c0, … FROM split)`), so analyzing
 * twenty features costs a few passes, not forty. Queries run one after another on the engine.
 */
export class Aggregates {
  private pending: Pending[] = [];
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly engine: SqlEngine,
    /** The analyzed split as a SQL relation: a view name or read_parquet(…). */
    readonly relation: string,
  ) {}

  /** One aggregate over `input` (a SQL expression on the split's columns); resolves to its JSON value. */
  scalar(input: string, aggregate: (column: string) => string): Promise<unknown> {
    return new Promise((resolve, reject) => {
      if (this.pending.length === 0) setImmediate(() => this.flush());
      this.pending.push({ input, aggregate, resolve, reject });
    });
  }

  /** A query of its own (GROUP BY): run in turn with the batched scans. */
  rows(sql: string): Promise<Row[]> {
    const result = this.queue.then(() => this.engine.query(sql));
    this.queue = result.catch(() => undefined);
    return result;
  }

  private flush(): void {
    const batch = this.pending;
    this.pending = [];
    const inputs = [...new Set(batch.map((p) => p.input))];
    const column = (input: string) => `c${inputs.indexOf(input)}`;
    const sql =
      `SELECT ${batch.map((p, i) => `${p.aggregate(column(p.input))} AS a${i}`).join(', ')} ` +
      `FROM (SELECT ${inputs.map((e, i) => `${e} AS c${i}`).join(', ')} FROM ${this.relation})`;
    this.rows(sql).then(
      ([row]) => {
        for (const [i, p] of batch.entries()) p.resolve(row?.[`a${i}`] ?? null);
      },
      (err: unknown) => {
        for (const p of batch) p.reject(err);
      },
    );
  }
}
