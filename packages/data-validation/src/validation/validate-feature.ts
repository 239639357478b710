import type { AnomalyReason, DriftSkewMeasurement } from '../types/anomalies.js';
import type { Feature, Schema } from '../types/schema.js';
import type { DatasetFeatureStatistics, FeatureNameStatistics } from '../types/statistics.js';
import { checkBoolDomain } from './checks/bool-domain.js';
import { compareFeature } from './checks/feature-comparator.js';
import { checkFloatDomain } from './checks/float-domain.js';
import { checkIntDomain } from './checks/int-domain.js';
import { checkPresence } from './checks/presence.js';
import { checkStringDomain } from './checks/string-domain.js';
import { checkShape, checkValueCount } from './checks/value-count.js';
import { isExistenceRequired, isInEnvironment } from './environment.js';
import { numPresent, schemaTypeOf } from './stats-view.js';

export interface FeatureContext {
  schema: Schema;
  environment: string | undefined;
  numExamples: number;
  previous: DatasetFeatureStatistics | undefined;
  serving: DatasetFeatureStatistics | undefined;
}

export interface FeatureResult {
  reasons: AnomalyReason[];
  driftMeasurements: DriftSkewMeasurement[];
  skewMeasurements: DriftSkewMeasurement[];
}

/** TFDV's UpdateFeatureInternal for a schema feature present in the statistics, in TFDV's check order. */
export function validateFeature(
  name: string,
  stats: FeatureNameStatistics,
  feature: Feature,
  ctx: FeatureContext,
): FeatureResult {
  const result: FeatureResult = { reasons: [], driftMeasurements: [], skewMeasurements: [] };
  const reasons = result.reasons;
  if (numPresent(stats) === 0) {
    if (isExistenceRequired(feature, ctx.schema, ctx.environment)) {
      reasons.push({
        type: 'FEATURE_TYPE_NOT_PRESENT',
        shortDescription: 'Column dropped',
        description: 'The feature was not present in any examples.',
      });
    }
    return result;
  }
  if (!isInEnvironment(feature, ctx.schema, ctx.environment)) {
    reasons.push({
      type: 'SCHEMA_NEW_COLUMN',
      shortDescription: 'Column missing in environment',
      description: `New column ${name} found in data but not in the environment ${ctx.environment} in the schema.`,
    });
  }
  if (feature.valueCount) reasons.push(...checkValueCount(stats, feature.valueCount));
  if (feature.shape) reasons.push(...checkShape(stats, feature.shape));
  if (feature.presence) reasons.push(...checkPresence(stats, feature.presence, ctx.numExamples));

  const typeMatches = feature.type === 'TYPE_UNKNOWN' || schemaTypeOf(stats.type) === feature.type;
  if (!typeMatches) {
    reasons.push({
      type: 'UNEXPECTED_DATA_TYPE',
      shortDescription: 'Unexpected data type',
      description: `Expected data of type: ${feature.type} but got ${stats.type}`,
    });
  } else {
    // TFDV goes on to check the domain of a feature it has just deprecated for its type; those findings
    // only restate the type error, so they are skipped here.
    reasons.push(...checkDomain(stats, feature, ctx.schema));
  }

  const drift = compareFeature(name, stats, ctx.previous, feature.driftComparator, 'drift');
  const skew = compareFeature(name, stats, ctx.serving, feature.skewComparator, 'skew');
  reasons.push(...drift.reasons, ...skew.reasons);
  result.driftMeasurements = drift.measurements;
  result.skewMeasurements = skew.measurements;
  return result;
}

function checkDomain(stats: FeatureNameStatistics, feature: Feature, schema: Schema): AnomalyReason[] {
  const minDomainMass = feature.distributionConstraints?.minDomainMass;
  if (feature.domain !== undefined) {
    const domain = schema.stringDomain?.find((d) => d.name === feature.domain);
    return domain ? checkStringDomain(stats, domain, minDomainMass) : [];
  }
  if (feature.stringDomain) return checkStringDomain(stats, feature.stringDomain, minDomainMass);
  if (feature.intDomain) return checkIntDomain(stats, feature.intDomain);
  if (feature.floatDomain) return checkFloatDomain(stats, feature.floatDomain);
  if (feature.boolDomain) return checkBoolDomain(stats, feature.boolDomain);
  return [];
}
