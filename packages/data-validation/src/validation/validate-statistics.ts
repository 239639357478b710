import { CtpipeError } from '@ctpipe/errors';
import { checkSchema } from '../schema/check-schema.js';
import type { Anomalies, AnomalyReason, DriftSkewInfo } from '../types/anomalies.js';
import type { Schema } from '../types/schema.js';
import type { DatasetFeatureStatistics } from '../types/statistics.js';
import { buildAnomalyInfo, type SeverityOverride } from './anomaly-info.js';
import { checkDatasetConstraints } from './checks/dataset-constraints.js';
import { isDeprecated, isExistenceRequired } from './environment.js';
import { resolveDataset, type StatisticsInput } from './resolve-dataset.js';
import { featureName, toNumber } from './stats-view.js';
import { validateFeature } from './validate-feature.js';

export interface ValidateOptions {
  /** Must be one of schema.defaultEnvironment (e.g. TRAINING, SERVING); empty means none. */
  environment?: string;
  /** The previous span: drift is measured against it with each feature's driftComparator. */
  previousStatistics?: StatisticsInput;
  /** Serving data: skew of `statistics` (training) against it with each feature's skewComparator. */
  servingStatistics?: StatisticsInput;
  /** TFDV's ValidationConfig.severity_overrides: every anomaly is ERROR unless listed here. */
  severityOverrides?: readonly SeverityOverride[];
}

/**
 * TFDV's validate_statistics: the anomalies of one dataset against a schema, keyed by feature name, plus
 * every drift/skew measurement made. Pure: the inputs are not modified and no schema "fix" is proposed.
 */
export function validateStatistics(
  statistics: StatisticsInput,
  schema: Schema,
  options: ValidateOptions = {},
): Anomalies {
  const current = resolveDataset(statistics, 'statistics');
  const environment = options.environment === '' ? undefined : options.environment;
  checkSchema(schema);
  if (environment !== undefined && !schema.defaultEnvironment?.includes(environment)) {
    throw new CtpipeError(
      'BAD_CONFIG',
      `environment "${environment}" is not one of the schema's default environments`,
      {
        details: {
          expected: (schema.defaultEnvironment ?? []).join(', ') || 'no environments',
          found: environment,
        },
      },
    );
  }
  const result: Anomalies = { baseline: schema, anomalyNameFormat: 'SERIALIZED_PATH', anomalyInfo: {} };
  // TFDV reports an empty dataset as data missing rather than every feature as dropped.
  if (toNumber(current.numExamples) === 0) return { ...result, dataMissing: true };

  const overrides = options.severityOverrides ?? [];
  const add = (name: string, step: string[], reasons: AnomalyReason[]) => {
    if (reasons.length > 0) result.anomalyInfo[name] = buildAnomalyInfo(step, reasons, overrides);
  };
  const ctx = {
    schema,
    environment,
    numExamples: toNumber(current.numExamples),
    previous: optionalDataset(options.previousStatistics, 'previousStatistics'),
    serving: optionalDataset(options.servingStatistics, 'servingStatistics'),
  };
  const driftSkewInfo: DriftSkewInfo[] = [];
  const byName = new Map(schema.feature.map((f) => [f.name, f]));
  const seen = new Set<string>();
  for (const stats of current.features) {
    const name = featureName(stats);
    const step = stats.path?.step ?? [name];
    seen.add(name);
    const feature = byName.get(name);
    if (feature === undefined) {
      add(name, step, [
        {
          type: 'SCHEMA_NEW_COLUMN',
          shortDescription: 'New column',
          description: 'New column (column in data but not in schema)',
        },
      ]);
      continue;
    }
    if (isDeprecated(feature)) continue;
    const { reasons, driftMeasurements, skewMeasurements } = validateFeature(name, stats, feature, ctx);
    add(name, step, reasons);
    if (driftMeasurements.length > 0 || skewMeasurements.length > 0) {
      driftSkewInfo.push({
        path: { step },
        ...(driftMeasurements.length > 0 ? { driftMeasurements } : {}),
        ...(skewMeasurements.length > 0 ? { skewMeasurements } : {}),
      });
    }
  }
  for (const feature of schema.feature) {
    if (!seen.has(feature.name) && isExistenceRequired(feature, schema, environment)) {
      add(
        feature.name,
        [feature.name],
        [
          {
            type: 'SCHEMA_MISSING_COLUMN',
            shortDescription: 'Column dropped',
            description: 'Column is completely missing',
          },
        ],
      );
    }
  }
  const datasetReasons = checkDatasetConstraints(current, schema.datasetConstraints, ctx.previous);
  if (datasetReasons.length > 0) result.datasetAnomalyInfo = buildAnomalyInfo([], datasetReasons, overrides);
  if (driftSkewInfo.length > 0) result.driftSkewInfo = driftSkewInfo;
  return result;
}

function optionalDataset(
  input: StatisticsInput | undefined,
  role: string,
): DatasetFeatureStatistics | undefined {
  return input === undefined ? undefined : resolveDataset(input, role);
}
