import { defineComponent } from '@ctpipe/contract';

/**
 * ExampleGen: one source in, an Examples artifact out (Parquet per split, TFX's `Split-<name>/` layout).
 * TFX names in brackets where ours differ: input_pattern [input_base + split pattern], split_key
 * [output_config.split_config.partition_feature_name], split_ratios [split_config.splits[].hash_buckets].
 */
export const extractSpec = defineComponent({
  name: 'extract',
  description:
    'Reads CSV, JSON, NDJSON, Parquet or Arrow files (or a BigQuery query), resolves the span, and writes ' +
    'the rows as Parquet split deterministically into train/eval by a stable hash.',
  inputs: {
    parameters: {
      input_pattern: {
        type: 'STRING',
        description:
          'A file, directory or glob (gs:// is read through /gcs/). May contain {SPAN} and {VERSION}, ' +
          'which match digits: data/span-{SPAN}/*.csv',
        default: '',
      },
      source_format: {
        type: 'STRING',
        description: 'auto (by file extension) | csv | json | ndjson | parquet | arrow | bigquery',
        default: 'auto',
      },
      bigquery_query: {
        type: 'STRING',
        description: 'Standard SQL to run when reading from BigQuery; may contain {SPAN}.',
        default: '',
      },
      bigquery_project: {
        type: 'STRING',
        description: 'Google Cloud project that runs (and pays for) the BigQuery job.',
        default: '',
      },
      bigquery_location: {
        type: 'STRING',
        description:
          "BigQuery location of the queried data (US, EU, europe-west1…); '' = the project default.",
        default: '',
      },
      span: {
        type: 'NUMBER_INTEGER',
        description: 'The span to read; -1 = the latest span found by {SPAN} (0 when the pattern has none).',
        default: -1,
      },
      input_fingerprint: {
        type: 'STRING',
        description:
          'Set by the pre-cache check (file count, bytes, mtimes of the span’s files) so new data misses the cache.',
        default: '',
      },
      split_key: {
        type: 'STRING',
        description:
          "Column whose value decides the split (rows sharing it stay together); '' = hash of the whole row.",
        default: '',
      },
      split_ratios: {
        type: 'STRUCT',
        description: 'Split name → integer hash buckets, in order, as TFX: {"train": 2, "eval": 1} is 2:1.',
        default: { train: 2, eval: 1 },
      },
    },
  },
  resolvesBeforeCache: ['span', 'input_fingerprint'],
  outputs: {
    parameters: {
      span: { type: 'NUMBER_INTEGER', description: 'The span that was read.' },
      row_count: { type: 'NUMBER_INTEGER', description: 'Rows written over all splits.' },
    },
    artifacts: {
      examples: {
        type: 'system.Dataset',
        description:
          'Examples: Split-<name>/data_0.parquet per split; metadata span, split_names, row_counts, columns.',
      },
    },
  },
});

export type ExtractSpec = typeof extractSpec;
