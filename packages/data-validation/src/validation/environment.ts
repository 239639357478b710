import type { Feature, LifecycleStage, Schema } from '../types/schema.js';
import { toNumber } from './stats-view.js';

const DEPRECATED_STAGES = new Set<LifecycleStage>([
  'PLANNED',
  'ALPHA',
  'DEPRECATED',
  'DEBUG_ONLY',
  'DISABLED',
]);

/** Features TFDV does not validate: the legacy `deprecated` flag or a pre-release/retired lifecycle stage. */
export function isDeprecated(feature: Feature): boolean {
  return (
    feature.deprecated === true ||
    (feature.lifecycleStage !== undefined && DEPRECATED_STAGES.has(feature.lifecycleStage))
  );
}

/**
 * TFDV's IsFeatureInEnvironment: with no environment every feature is in; otherwise inEnvironment wins,
 * then notInEnvironment excludes, then the schema's defaultEnvironment includes.
 */
export function isInEnvironment(feature: Feature, schema: Schema, environment: string | undefined): boolean {
  if (environment === undefined) return true;
  if (feature.inEnvironment?.includes(environment)) return true;
  if (feature.notInEnvironment?.includes(environment)) return false;
  return schema.defaultEnvironment?.includes(environment) ?? false;
}

/** A feature must appear when it is validated, has a positive presence constraint and is in the environment. */
export function isExistenceRequired(
  feature: Feature,
  schema: Schema,
  environment: string | undefined,
): boolean {
  if (isDeprecated(feature)) return false;
  const presence = feature.presence;
  if (!(toNumber(presence?.minCount) > 0 || (presence?.minFraction ?? 0) > 0)) return false;
  return isInEnvironment(feature, schema, environment);
}
