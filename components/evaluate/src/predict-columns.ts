import { CtpipeError } from '@ctpipe/errors';
import type { ServingModel } from '@ctpipe/model';
import type { EvalColumns, RawColumn } from './read-eval-columns.js';

export type ModelOutputs =
  | { task: 'classification'; classes: string[]; probabilities: Float64Array }
  | { task: 'regression'; predictions: Float64Array };

/**
 * Runs a served model over the eval columns, `batchSize` rows per call, through its raw-feature serving path
 * (its own TransformGraph): exactly what a client of the prediction server would get. Rows are built per batch
 * from the signature's inputs, as a request's instances carry them.
 */
export function predictColumns(
  model: ServingModel,
  data: EvalColumns,
  batchSize: number,
  onBatch?: (done: number) => void,
): ModelOutputs {
  const { signature } = model;
  const inputs = Object.entries(signature.inputs).map(([name, info]) => ({
    name,
    read: reader(data.columns.get(name)!, info.raw_type === 'number'),
  }));
  const classes = signature.task.kind === 'classification' ? signature.task.label_vocabulary : undefined;
  const k = classes?.length ?? 1;
  const out = new Float64Array(data.n * k);
  for (let start = 0; start < data.n; start += batchSize) {
    const end = Math.min(data.n, start + batchSize);
    const rows = Array.from({ length: end - start }, (_, r) => {
      const row: Record<string, string | number | null> = {};
      for (const input of inputs) row[input.name] = input.read(start + r);
      return row;
    });
    const prediction = model.predict(rows);
    if ('values' in prediction) {
      out.set(prediction.values, start);
    } else {
      prediction.probabilities.forEach((p, r) => {
        if (p.length !== k) throw malformed(model, k, p.length);
        out.set(p, (start + r) * k);
      });
    }
    onBatch?.(end);
  }
  return classes
    ? { task: 'classification', classes: [...classes], probabilities: out }
    : { task: 'regression', predictions: out };
}

/** A value as a serving request carries it: a number or null for numeric inputs, a string or null otherwise. */
function reader(column: RawColumn, numeric: boolean): (row: number) => string | number | null {
  if (column instanceof Float64Array) {
    return numeric
      ? (row) => (Number.isNaN(column[row]!) ? null : column[row]!)
      : (row) => (Number.isNaN(column[row]!) ? null : String(column[row]));
  }
  return numeric
    ? (row) => (column[row] === null ? null : Number(column[row]))
    : (row) => column[row] ?? null;
}

function malformed(model: ServingModel, expected: number, found: number): CtpipeError {
  return new CtpipeError('BAD_INPUT', 'the model returns a probability vector of the wrong width', {
    details: {
      path: model.dir,
      expected: `${expected} probabilities (its label vocabulary)`,
      found: String(found),
    },
  });
}
