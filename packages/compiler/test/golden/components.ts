import { defineComponent, type LoadedComponent } from '@ctpipe/contract';

/** Small components for the golden pipelines: just enough interface and container to exercise the compiler. */

export const extract = {
  definition: defineComponent({
    name: 'extract',
    description: 'Reads a source into Examples.',
    inputs: {
      parameters: {
        source: { type: 'STRING', description: 'Where to read from.' },
        rows: { type: 'NUMBER_INTEGER', description: 'Row limit.', default: 1000 },
      },
    },
    outputs: {
      parameters: { row_count: { type: 'NUMBER_INTEGER', description: 'Rows written.' } },
      artifacts: { examples: { type: 'system.Dataset', description: 'Examples split into train/eval.' } },
    },
  }),
  implementation: {
    image: 'ctpipe/extract:dev',
    command: ['node', '/app/dist/main.js'],
    args: ['--executor-input', { executorInput: null }],
  },
  source: 'test/golden/components.ts',
} satisfies LoadedComponent;

export const validate = {
  definition: defineComponent({
    name: 'validate',
    description: 'Validates Examples against a schema.',
    inputs: { artifacts: { examples: { type: 'system.Dataset', description: 'Examples to check.' } } },
    outputs: {
      parameters: {
        valid: { type: 'BOOLEAN', description: 'Whether the run goes on.' },
        verdict: { type: 'STRING', description: 'pass, warn or fail.' },
        drift: { type: 'NUMBER_DOUBLE', description: 'Largest drift distance.' },
      },
      artifacts: { anomalies: { type: 'system.Artifact', description: 'Anomalies found.' } },
    },
  }),
  implementation: {
    image: 'ctpipe/validate:dev',
    command: ['node', '/app/dist/main.js'],
    args: [
      '--examples',
      { inputPath: 'examples' },
      '--examples-uri',
      { inputUri: 'examples' },
      '--valid',
      { outputPath: 'valid' },
      '--verdict',
      { outputPath: 'verdict' },
      '--drift',
      { outputPath: 'drift' },
      '--anomalies',
      { outputPath: 'anomalies' },
      '--anomalies-uri',
      { outputUri: 'anomalies' },
    ],
  },
  source: 'test/golden/components.ts',
} satisfies LoadedComponent;

export const train = {
  definition: defineComponent({
    name: 'Train Model',
    description: 'Trains a model.',
    inputs: {
      parameters: {
        epochs: { type: 'NUMBER_INTEGER', description: 'Training epochs.' },
        learning_rate: { type: 'NUMBER_DOUBLE', description: 'Step size.', default: 0.001 },
        layers: { type: 'LIST', description: 'Hidden layer sizes.', default: [64, 32] },
        options: { type: 'STRUCT', description: 'Extra trainer options.', optional: true },
      },
      artifacts: {
        examples: { type: 'system.Dataset', description: 'Training data.' },
        warm_start: { type: 'system.Model', description: 'Model to start from.', optional: true },
      },
    },
    outputs: {
      artifacts: {
        model: { type: 'system.Model', description: 'The trained model.' },
        metrics: { type: 'system.Metrics', description: 'Training metrics.' },
      },
    },
  }),
  implementation: {
    image: 'ctpipe/train:dev',
    command: ['node', '/app/dist/main.js'],
    args: ['--epochs', { inputValue: 'epochs' }, { executorInput: null }],
    env: { TF_CPP_MIN_LOG_LEVEL: '2', NODE_OPTIONS: '--max-old-space-size=4096' },
  },
  source: 'test/golden/components.ts',
} satisfies LoadedComponent;

export const push = {
  definition: defineComponent({
    name: 'push',
    description: 'Registers and deploys a model.',
    inputs: {
      parameters: { target: { type: 'STRING', description: 'Where to deploy.' } },
      artifacts: { model: { type: 'system.Model', description: 'Model to push.' } },
    },
    outputs: {},
  }),
  implementation: {
    image: 'ctpipe/push:dev',
    command: ['node', '/app/dist/main.js'],
    args: [{ executorInput: null }],
  },
  source: 'test/golden/components.ts',
} satisfies LoadedComponent;

export const notify = {
  definition: defineComponent({
    name: 'notify',
    description: 'Posts a message.',
    inputs: { parameters: { message: { type: 'STRING', description: '' } } },
    outputs: {},
  }),
  implementation: { image: 'alpine:3.20', command: ['echo'], args: [{ inputValue: 'message' }] },
  source: 'test/golden/components.ts',
} satisfies LoadedComponent;

export const profile = {
  definition: defineComponent({
    name: 'profile',
    description: 'Computes statistics, and drift against a baseline when there is one.',
    inputs: {
      artifacts: {
        examples: { type: 'system.Dataset', description: 'Examples to profile.' },
        baseline_statistics: {
          type: 'system.Artifact',
          description: 'Statistics to compare with.',
          optional: true,
        },
      },
    },
    outputs: { artifacts: { statistics: { type: 'system.Artifact', description: 'Statistics.' } } },
  }),
  implementation: {
    image: 'ctpipe/profile:dev',
    command: ['node', '/app/dist/main.js'],
    args: [{ executorInput: null }],
  },
  source: 'test/golden/components.ts',
} satisfies LoadedComponent;
