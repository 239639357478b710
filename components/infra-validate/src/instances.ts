import type { ServingSignature } from '@ctpipe/model';
import type { SampleRow } from './read-sample.js';

/**
 * Rows as a client would send them: only the signature's raw inputs, numbers as JSON numbers (DuckDB hands
 * 64-bit integers over as strings), strings as strings, missing values as null. `missing` lists inputs the
 * examples do not have at all.
 */
export function toInstances(
  rows: readonly SampleRow[],
  signature: ServingSignature,
): { instances: SampleRow[]; missing: string[] } {
  const inputs = Object.entries(signature.inputs);
  const present = new Set(Object.keys(rows[0] ?? {}));
  const missing = inputs.filter(([name]) => !present.has(name)).map(([name]) => name);
  const instances = rows.map((row) => {
    const instance: SampleRow = {};
    for (const [name, info] of inputs) {
      if (!present.has(name)) continue;
      const value = row[name];
      instance[name] =
        value === null || value === undefined
          ? null
          : info.raw_type === 'number'
            ? Number(value)
            : typeof value === 'string'
              ? value
              : String(value);
    }
    return instance;
  });
  return { instances, missing };
}
