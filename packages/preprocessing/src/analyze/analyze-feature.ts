import { quoteIdent, quoteLiteral } from '@ctpipe/data';
import { CtpipeError } from '@ctpipe/errors';
import { sourceSize } from '../graph/source-size.js';
import type { BucketizeValues, CrossValues, FeatureValues, VocabularyValues } from '../graph/types.js';
import type { CategoricalSource, CrossInput, FeatureSpec, VocabularySource } from '../spec/types.js';
import type { Aggregates } from './aggregates.js';
import { analyzeBucketize, analyzeChain } from './analyze-chain.js';
import { analyzeVocabulary, mostFrequentString } from './analyze-vocabulary.js';
import { bucketSql } from './sql-chain.js';

/** Every constant one output feature needs, computed on the analyzed split. */
export async function analyzeFeature(
  q: Aggregates,
  name: string,
  feature: FeatureSpec,
): Promise<FeatureValues> {
  if (feature.type === 'numeric') {
    const chain = await analyzeChain(q, name, feature.column, feature.steps);
    await chain.checked;
    return { steps: chain.steps };
  }
  const values = await analyzeSource(q, name, feature.source);
  if (sourceSize(feature.source, values) === 0) {
    throw new CtpipeError(
      'BAD_INPUT',
      `feature '${name}': its vocabulary is empty on the analyzed split (every value missing or below ` +
        'frequencyThreshold) and it has no OOV bucket',
      { details: { feature: name, expected: 'at least one index', found: '0' } },
    );
  }
  return values;
}

async function analyzeSource(q: Aggregates, name: string, source: CategoricalSource): Promise<FeatureValues> {
  switch (source.type) {
    case 'vocabulary':
      return analyzeVocabularySource(q, name, source);
    case 'bucketize': {
      const { sql: _sql, ...values } = await analyzeBucketize(
        q,
        name,
        source.column,
        source.steps,
        source.buckets,
      );
      return values;
    }
    case 'cross': {
      const [a, b] = await Promise.all(source.inputs.map((input) => crossPart(q, name, input)));
      const inputs: CrossValues['inputs'] = [a!.values, b!.values];
      if (source.encoding.type === 'hash') return { inputs };
      // The same key apply builds: `${a}_X_${b}`, a missing string as ''.
      const key = `${a!.sql} || '_X_' || ${b!.sql}`;
      return { inputs, ...(await analyzeVocabulary(q, key, source.encoding)) };
    }
  }
}

async function analyzeVocabularySource(
  q: Aggregates,
  name: string,
  source: VocabularySource,
): Promise<VocabularyValues> {
  const column = `CAST(${quoteIdent(source.column)} AS VARCHAR)`;
  let fill: string | undefined;
  if (source.fill) {
    fill =
      source.fill.strategy === 'constant'
        ? source.fill.value
        : await mostFrequentString(q, column, name, source.column);
  }
  const e = fill === undefined ? column : `coalesce(${column}, ${quoteLiteral(fill)})`;
  const vocabulary = await analyzeVocabulary(q, e, source);
  return { ...(fill === undefined ? {} : { fill }), ...vocabulary };
}

async function crossPart(
  q: Aggregates,
  name: string,
  input: CrossInput,
): Promise<{ sql: string; values: BucketizeValues | null }> {
  if (input.type === 'column') {
    return { sql: `coalesce(CAST(${quoteIdent(input.column)} AS VARCHAR), '')`, values: null };
  }
  const { sql, ...values } = await analyzeBucketize(q, name, input.column, input.steps, input.buckets);
  return { sql: `CAST(${bucketSql(sql, values.boundaries)} AS VARCHAR)`, values };
}
