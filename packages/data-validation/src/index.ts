export { type CategoricalCounts, rankHistogramCounts } from './comparators/categorical-counts.js';
export { type DefaultComparatorOptions, withDefaultComparators } from './comparators/default-comparators.js';
export { jensenShannonDivergence } from './comparators/jensen-shannon.js';
export {
  lInfinityDistance,
  type MaxDifference,
  normalizedAbsoluteDifference,
} from './comparators/l-infinity.js';
export { type AnomalyRow, anomalyTable } from './report/anomaly-table.js';
export { renderValidationReport, type ValidationReportInput } from './report/render-report.js';
export { checkSchema } from './schema/check-schema.js';
export { type InferSchemaOptions, inferSchema } from './schema/infer-schema.js';
export { loadSchemaFile } from './schema/load-schema-file.js';
export { parseSchemaJson, parseSchemaTextProto } from './schema/parse-schema.js';
export { schemaToTextProto } from './schema/text-format/print-text-format.js';
export { updateSchema } from './schema/update-schema.js';
export {
  computeStatistics,
  type StatisticsDataset,
  type StatisticsOptions,
  statisticsForExamples,
} from './statistics/compute-statistics.js';
export type * from './types/anomalies.js';
export type * from './types/schema.js';
export type * from './types/statistics.js';
export type { SeverityOverride } from './validation/anomaly-info.js';
export type { StatisticsInput } from './validation/resolve-dataset.js';
export { type ValidateOptions, validateStatistics } from './validation/validate-statistics.js';
