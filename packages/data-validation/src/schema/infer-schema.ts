import type { Feature, Schema, StringDomain } from '../types/schema.js';
import { resolveDataset, type StatisticsInput } from '../validation/resolve-dataset.js';
import { featureName, schemaTypeOf } from '../validation/stats-view.js';
import { applyDomain, inferDomain } from './infer-domain.js';
import { inferPresenceAndShape } from './infer-presence-shape.js';

export interface InferSchemaOptions {
  /** STRING features with more distinct values get no domain (TFDV's max_string_domain_size). */
  maxStringDomainSize?: number;
  /** Infer `shape` for features always present with a fixed number of values (TFDV's infer_feature_shape). */
  inferFeatureShape?: boolean;
}

/**
 * TFDV's infer_schema: one schema feature per statistics feature, in statistics order, with presence,
 * shape/value count and a domain; string domains are top level and referenced by name.
 */
export function inferSchema(statistics: StatisticsInput, options: InferSchemaOptions = {}): Schema {
  const { maxStringDomainSize = 100, inferFeatureShape = true } = options;
  const dataset = resolveDataset(statistics, 'inferSchema');
  const stringDomains: StringDomain[] = [];
  const features = dataset.features.map((stats) => {
    const feature: Feature = { name: featureName(stats), type: schemaTypeOf(stats.type) };
    applyDomain(feature, inferDomain(stats, maxStringDomainSize), stringDomains);
    return { ...feature, ...inferPresenceAndShape(stats, inferFeatureShape) };
  });
  return stringDomains.length > 0
    ? { feature: features, stringDomain: stringDomains }
    : { feature: features };
}
