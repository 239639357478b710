import type { BucketizeSource, CategoricalSource, FeatureSpec, PreprocessingSpec, RawType } from './types.js';

/** One raw column a spec reads, what it needs the column to be, and for which output. */
export interface ColumnUse {
  /** The output feature, or 'label'. */
  feature: string;
  column: string;
  needs: RawType | 'number or string';
  /** What reads it, for messages: 'zScore', 'vocabulary', 'cross'. */
  by: string;
}

export function columnUses(spec: PreprocessingSpec): ColumnUse[] {
  const uses: ColumnUse[] = [];
  for (const [feature, f] of Object.entries(spec.features)) uses.push(...featureUses(feature, f));
  if (spec.label) {
    uses.push({
      feature: 'label',
      column: spec.label.column,
      needs: spec.label.type === 'regression' ? 'number' : 'number or string',
      by: `${spec.label.type} label`,
    });
  }
  return uses;
}

function featureUses(feature: string, f: FeatureSpec): ColumnUse[] {
  if (f.type === 'numeric') return [{ feature, column: f.column, needs: 'number', by: 'numeric' }];
  return sourceUses(feature, f.source);
}

function sourceUses(feature: string, s: CategoricalSource): ColumnUse[] {
  switch (s.type) {
    case 'vocabulary':
      return [{ feature, column: s.column, needs: 'string', by: 'vocabulary' }];
    case 'bucketize':
      return [bucketizeUse(feature, s)];
    case 'cross':
      return s.inputs.map((input) =>
        input.type === 'column'
          ? { feature, column: input.column, needs: 'string' as const, by: 'cross' }
          : bucketizeUse(feature, input),
      );
  }
}

function bucketizeUse(feature: string, s: BucketizeSource): ColumnUse {
  return { feature, column: s.column, needs: 'number', by: 'bucketize' };
}
