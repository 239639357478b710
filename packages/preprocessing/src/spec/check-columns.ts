import { CtpipeError } from '@ctpipe/errors';
import { columnUses } from './column-uses.js';
import type { PreprocessingSpec, RawType } from './types.js';

/** A raw column as a data source or a schema describes it. */
export interface RawColumn {
  name: string;
  /** undefined: a type the transform cannot read (DATE, STRUCT…); an error only if the spec uses it. */
  rawType: RawType | undefined;
  /** The source's own type name, for messages: DOUBLE, VARCHAR, BYTES. */
  sourceType: string;
}

export interface RawFeature {
  name: string;
  type: RawType;
}

/**
 * Checks that every column the spec reads exists in `columns` with a usable type, and returns the raw input
 * signature (feature columns in order of first use; the label column is separate: serving does not get it).
 * `source` names where the columns came from, for messages ('the train split', 'the schema').
 */
export function checkRawColumns(
  spec: PreprocessingSpec,
  columns: readonly RawColumn[],
  source: string,
): { rawFeatures: RawFeature[]; label?: RawFeature } {
  const byName = new Map(columns.map((c) => [c.name, c]));
  const rawFeatures = new Map<string, RawFeature>();
  let label: RawFeature | undefined;
  const uses = columnUses(spec);
  const labelColumn = spec.label?.column;
  for (const use of uses) {
    const where = use.feature === 'label' ? 'the label' : `feature '${use.feature}'`;
    if (use.feature !== 'label' && use.column === labelColumn) {
      throw new CtpipeError(
        'BAD_CONFIG',
        `${where} reads the label column '${use.column}' (the label would leak into the inputs)`,
        {
          details: {
            feature: use.feature,
            column: use.column,
            expected: 'a column other than the label',
            found: use.column,
          },
        },
      );
    }
    const column = byName.get(use.column);
    if (!column) {
      const known = columns.map((c) => c.name).join(', ');
      throw new CtpipeError(
        'BAD_CONFIG',
        `${where}: raw column '${use.column}' is not in ${source} (columns: ${known})`,
        {
          details: {
            feature: use.feature,
            column: use.column,
            expected: `a column of ${source}`,
            found: known,
          },
        },
      );
    }
    const type = column.rawType;
    const fits = type !== undefined && (use.needs === 'number or string' || use.needs === type);
    if (!fits) {
      const found = `${type ?? 'unsupported'} (${column.sourceType})`;
      throw new CtpipeError(
        'BAD_CONFIG',
        `${where}: ${use.by} needs a ${use.needs} column, but '${use.column}' in ${source} is ${found}`,
        { details: { feature: use.feature, column: use.column, expected: use.needs, found } },
      );
    }
    if (use.feature === 'label') label = { name: use.column, type };
    else if (!rawFeatures.has(use.column)) rawFeatures.set(use.column, { name: use.column, type });
  }
  return { rawFeatures: [...rawFeatures.values()], ...(label ? { label } : {}) };
}
