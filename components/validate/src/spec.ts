import { defineComponent } from '@ctpipe/contract';

/**
 * StatisticsGen + SchemaGen + ExampleValidator in one container (TFDV's job): statistics per split, the schema
 * (inferred the first time, or the curated one), anomalies against it, drift against the previous span and skew
 * against serving data; `valid` gates the rest of the pipeline.
 */
export const validateSpec = defineComponent({
  name: 'validate',
  description:
    'Computes TFDV statistics per split, infers or loads the schema, validates the data against it, measures ' +
    'drift vs the previous span and skew vs serving data, and decides whether the run goes on.',
  inputs: {
    parameters: {
      schema_path: {
        type: 'STRING',
        description: "A curated schema (schema.pbtxt or schema.json) to validate against; '' = infer one.",
        default: '',
      },
      environment: {
        type: 'STRING',
        description:
          "The schema environment the data belongs to (e.g. TRAINING, SERVING, declared in the schema's " +
          "defaultEnvironment); '' = none, every feature is checked.",
        default: '',
      },
      serving_data: {
        type: 'STRING',
        description:
          'Serving data to compare with training for skew: a request log or sample (NDJSON/JSON/CSV/Parquet file, ' +
          "glob or folder of raw instances); '' = no skew check unless serving_statistics is given.",
        default: '',
      },
      default_drift_threshold: {
        type: 'NUMBER_DOUBLE',
        description:
          'When the schema is inferred: the drift/skew threshold set on every feature (L-infinity for ' +
          'categorical, Jensen-Shannon for numeric); 0 = no comparators.',
        default: 0.1,
      },
    },
    artifacts: {
      examples: { type: 'system.Dataset', description: 'The Examples from extract (Parquet per split).' },
      baseline_statistics: {
        type: 'system.Artifact',
        description: 'Statistics of the previous span (from a resolver), for drift.',
        optional: true,
      },
      baseline_schema: {
        type: 'system.Artifact',
        description:
          'The schema of the previous run (from a resolver): used when no curated schema is given, so the schema ' +
          'is inferred only the first time and later spans are checked against it.',
        optional: true,
      },
      serving_statistics: {
        type: 'system.Artifact',
        description: 'Statistics of serving data (request log), for training/serving skew.',
        optional: true,
      },
    },
  },
  outputs: {
    parameters: {
      valid: { type: 'BOOLEAN', description: 'false when any anomaly of severity ERROR was found.' },
      anomaly_count: { type: 'NUMBER_INTEGER', description: 'Anomalies over all splits.' },
    },
    artifacts: {
      statistics: {
        type: 'system.Artifact',
        description:
          'ExampleStatistics: Split-<name>/FeatureStats.json (DatasetFeatureStatisticsList, proto3 JSON).',
      },
      schema: {
        type: 'system.Artifact',
        description: 'Schema: schema.json and schema.pbtxt (tensorflow_metadata).',
      },
      anomalies: {
        type: 'system.Artifact',
        description: 'ExampleAnomalies: Split-<name>/SchemaDiff.json (tensorflow_metadata Anomalies).',
      },
      report: {
        type: 'system.HTML',
        description: 'The validation report: anomalies and per-feature histograms.',
      },
    },
  },
});

export type ValidateSpec = typeof validateSpec;
