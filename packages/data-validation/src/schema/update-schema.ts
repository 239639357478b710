import type { Schema } from '../types/schema.js';
import { resolveDataset, type StatisticsInput } from '../validation/resolve-dataset.js';
import { featureName, numMissing } from '../validation/stats-view.js';
import { type InferSchemaOptions, inferSchema } from './infer-schema.js';

/**
 * TFDV's update_schema, as TFX's SchemaGen uses it for every split after the first: the schema widens just
 * enough for this dataset — new features are inferred, string domains gain the values seen, presence and
 * shape relax where values are missing. A schema inferred this way describes all splits, not only train.
 */
export function updateSchema(
  schema: Schema,
  statistics: StatisticsInput,
  options: InferSchemaOptions = {},
): Schema {
  const { maxStringDomainSize = 100 } = options;
  const dataset = resolveDataset(statistics, 'updateSchema');
  const inferred = inferSchema(dataset, options);
  const next: Schema = structuredClone(schema);
  const domains = new Map((next.stringDomain ?? []).map((d) => [d.name, d]));
  for (const stats of dataset.features) {
    const name = featureName(stats);
    const fresh = inferred.feature.find((f) => f.name === name)!;
    const feature = next.feature.find((f) => f.name === name);
    if (!feature) {
      next.feature.push(fresh);
      const domain = fresh.domain ? inferred.stringDomain?.find((d) => d.name === fresh.domain) : undefined;
      if (domain && !domains.has(domain.name)) {
        next.stringDomain = [...(next.stringDomain ?? []), domain];
        domains.set(domain.name, domain);
      }
      continue;
    }
    if (numMissing(stats) > 0) {
      if (feature.presence?.minFraction === 1) {
        const { minFraction: _dropped, ...rest } = feature.presence;
        feature.presence = rest;
      }
      if (feature.shape) {
        delete feature.shape;
        feature.valueCount = { min: '1' };
      }
    }
    const domain = feature.domain ? domains.get(feature.domain) : feature.stringDomain;
    const seen = fresh.domain
      ? inferred.stringDomain?.find((d) => d.name === fresh.domain)?.value
      : undefined;
    if (domain && seen) {
      const merged = [...new Set([...domain.value, ...seen])];
      if (merged.length <= maxStringDomainSize) domain.value = merged;
    }
  }
  return next;
}
