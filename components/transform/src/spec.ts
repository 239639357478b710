import { defineComponent } from '@ctpipe/contract';

/**
 * Transform (TensorFlow Transform's job): analyze the train split with full-pass analyzers, then apply the
 * preprocessing to every split with the one apply function serving also uses. TFX names in brackets where ours
 * differ: module_file [module_file with preprocessing_fn], analyze_split [splits_config.analyze].
 */
export const transformSpec = defineComponent({
  name: 'transform',
  description:
    'Analyzes the train split (mean/std, min/max, quantiles, vocabularies) for the preprocessing spec of a ' +
    'module file, writes the TransformGraph, and transforms every split into model-ready Parquet.',
  inputs: {
    parameters: {
      module_file: {
        type: 'STRING',
        description:
          'A built JS module exporting `preprocessing` (a spec from @ctpipe/preprocessing); relative paths ' +
          'resolve against the working directory.',
      },
      module_digest: {
        type: 'STRING',
        description:
          'Set by the pre-cache check (sha256 of the module file) so an edited spec misses the cache.',
        default: '',
      },
      analyze_split: {
        type: 'STRING',
        description: 'The split the analyzers read (the others are only transformed).',
        default: 'train',
      },
    },
    artifacts: {
      examples: {
        type: 'system.Dataset',
        description: 'The Examples from extract: Split-<name>/*.parquet, metadata split_names.',
      },
      schema: {
        type: 'system.Artifact',
        description: "validate's Schema (schema.json): when given, raw columns are checked against it first.",
        optional: true,
      },
    },
  },
  resolvesBeforeCache: ['module_digest'],
  outputs: {
    parameters: {
      feature_count: {
        type: 'NUMBER_INTEGER',
        description: 'Dense feature columns (featureColumns) of the transformed data.',
      },
    },
    artifacts: {
      transform_graph: {
        type: 'system.Artifact',
        description:
          'TransformGraph: transform_graph.json (spec, analyzer values, outputs, raw input signature).',
      },
      transformed_examples: {
        type: 'system.Dataset',
        description:
          'Split-<name>/data_0.parquet per split: featureColumns as FLOAT, index features as INTEGER, `label` ' +
          '(INTEGER class index or DOUBLE); metadata split_names, row_counts, feature_columns.',
      },
    },
  },
});

export type TransformSpec = typeof transformSpec;
