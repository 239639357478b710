import { defineComponent } from '@ctpipe/contract';

/**
 * TFX's InfraValidator: the candidate model loaded by the serving runtime in a process of its own, sent a sample
 * of eval rows in TF Serving's request format, its answers checked for shape and latency. The verdict is data
 * (`blessing`), so push can wait for it.
 */
export const infraValidateSpec = defineComponent({
  name: 'infra-validate',
  description:
    'Loads the candidate model in the serving runtime (a separate process), sends it eval rows as TF Serving ' +
    'predict requests, checks that every answer is well-formed and that p95 latency is within bounds, and ' +
    'writes an InfraBlessing.',
  inputs: {
    parameters: {
      num_examples: {
        type: 'NUMBER_INTEGER',
        description: 'Eval rows sent to the model (fewer if the split is smaller).',
        default: 20,
      },
      batch_size: {
        type: 'NUMBER_INTEGER',
        description: 'Rows (instances) per predict request.',
        default: 5,
      },
      max_latency_ms: {
        type: 'NUMBER_DOUBLE',
        description:
          'Bound on the 95th percentile of per-request latency in milliseconds (after one warm-up request).',
        default: 1000,
      },
      eval_split: {
        type: 'STRING',
        description: 'The split of the Examples the rows are taken from.',
        default: 'eval',
      },
    },
    artifacts: {
      model: {
        type: 'system.Model',
        description: 'The candidate model from train, in TF Serving’s version layout.',
      },
      examples: {
        type: 'system.Dataset',
        description: 'The raw Examples from extract (Split-<name>/*.parquet).',
      },
    },
  },
  outputs: {
    parameters: {
      blessed: { type: 'BOOLEAN', description: 'true when the model loaded, answered well and in time.' },
    },
    artifacts: {
      // Not `blessing`: evaluate's ModelBlessing has that name, and resolvers find the baseline by it.
      infra_blessing: {
        type: 'system.Artifact',
        description:
          'InfraBlessing: an empty INFRA_BLESSED or INFRA_NOT_BLESSED file; metadata blessed (1/0), reasons, ' +
          'latency_ms {p50, p95, max}, requests.',
      },
    },
  },
});

export type InfraValidateSpec = typeof infraValidateSpec;
