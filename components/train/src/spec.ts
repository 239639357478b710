import { defineComponent } from '@ctpipe/contract';

/**
 * Tuner + Trainer in one container: a Keras-Tuner-style search over the module's search space (unless
 * hyperparameters are handed in, TFX's Tuner → Trainer hand-off), then the final model trained with the best
 * values and exported with its TransformGraph and a raw-feature serving signature.
 */
export const trainSpec = defineComponent({
  name: 'train',
  description:
    'Tunes hyperparameters (random search, Hyperband or Bayesian optimization, trials in parallel processes), ' +
    'trains a tf.js model on the transformed examples with early stopping, and exports it in TF Serving’s ' +
    'version layout with the TransformGraph and a raw-feature signature.',
  inputs: {
    parameters: {
      module_file: {
        type: 'STRING',
        description:
          'A built JavaScript module exporting `model` (a ModelModule from @ctpipe/model), relative to the working ' +
          'directory: pipelines/ct/dist/model.js.',
      },
      module_digest: {
        type: 'STRING',
        description:
          'Set by the pre-cache check: sha256 of the module file, so an edited model is a cache miss.',
        default: '',
      },
      tuner: {
        type: 'STRING',
        description:
          'random | hyperband | bayesian (Keras Tuner’s RandomSearch, Hyperband, BayesianOptimization).',
        default: 'random',
      },
      max_trials: {
        type: 'NUMBER_INTEGER',
        description:
          'Trial budget of random search and Bayesian optimization; Hyperband sizes its brackets itself.',
        default: 10,
      },
      parallel_trials: {
        type: 'NUMBER_INTEGER',
        description: 'Trials run at once, one process each; 0 = the cores this container may use.',
        default: 0,
      },
      epochs: {
        type: 'NUMBER_INTEGER',
        description: 'Epochs per trial (Hyperband: max_epochs); 0 = the module’s training.epochs.',
        default: 0,
      },
      seed: {
        type: 'NUMBER_INTEGER',
        description: 'Seeds the search, weight initialisation, shuffling and dropout: same seed, same model.',
        default: 42,
      },
    },
    artifacts: {
      transformed_examples: {
        type: 'system.Dataset',
        description:
          'From transform: Split-<name>/data_0.parquet, one FLOAT column per feature column + label.',
      },
      transform_graph: {
        type: 'system.Artifact',
        description:
          'From transform: transform_graph.json, copied into the model so serving takes raw features.',
      },
      hyperparameters: {
        type: 'system.Artifact',
        description: 'best_hyperparameters.txt of an earlier run: train with these values and skip tuning.',
        optional: true,
      },
    },
  },
  resolvesBeforeCache: ['module_digest'],
  outputs: {
    parameters: {
      eval_accuracy: {
        type: 'NUMBER_DOUBLE',
        description: 'Accuracy of the model on the eval split; 0 for a regression model.',
      },
      backend: { type: 'STRING', description: 'The tf.js backend that trained: tensorflow | wasm | cpu.' },
    },
    artifacts: {
      model: {
        type: 'system.Model',
        description:
          'Model in TF Serving’s layout: <version>/model.json + group1-shard*.bin, transform_graph.json, ' +
          'signature.json, hyperparameters.json.',
      },
      best_hyperparameters: {
        type: 'system.Artifact',
        description:
          'best_hyperparameters.txt: Keras Tuner’s HyperParameters.get_config() JSON, as TFX writes it.',
      },
      metrics: {
        type: 'system.Metrics',
        description: 'Final train and eval metrics of the model (loss, accuracy or mae), one number each.',
      },
      training_curves: {
        type: 'system.HTML',
        description: 'Loss and metric per epoch, train vs eval, as an inline SVG plot.',
      },
    },
  },
});

export type TrainSpec = typeof trainSpec;
