import type { PipelineSpec } from '@ctpipe/ir';

/** Two tasks and a condition sub-DAG with one more task: small enough to assert whole requests against. */
export function smallSpec(): PipelineSpec {
  return {
    pipelineInfo: { name: 'penguins-ct' },
    sdkVersion: 'ctpipe-0.1.0',
    schemaVersion: '2.1.0',
    deploymentSpec: {
      executors: {
        'exec-extract': {
          container: { image: 'europe-west4-docker.pkg.dev/p/ctpipe/extract:abc', args: ['{{$}}'] },
        },
        'exec-train': {
          container: { image: 'europe-west4-docker.pkg.dev/p/ctpipe/train:abc', args: ['{{$}}'] },
        },
      },
    },
    components: {
      'comp-extract': {
        executorLabel: 'exec-extract',
        inputDefinitions: { parameters: { input_pattern: { parameterType: 'STRING' } } },
      },
      'comp-train': {
        executorLabel: 'exec-train',
        inputDefinitions: { parameters: { epochs: { parameterType: 'NUMBER_INTEGER' } } },
      },
      'comp-condition-1': {
        inputDefinitions: {
          parameters: {
            'pipelinechannel--epochs': { parameterType: 'NUMBER_INTEGER' },
            'pipelinechannel--tune': { parameterType: 'BOOLEAN' },
          },
        },
        dag: {
          tasks: {
            train: {
              taskInfo: { name: 'train' },
              componentRef: { name: 'comp-train' },
              cachingOptions: { enableCache: true },
              inputs: { parameters: { epochs: { componentInputParameter: 'pipelinechannel--epochs' } } },
            },
          },
        },
      },
    },
    root: {
      inputDefinitions: {
        parameters: {
          input_pattern: { parameterType: 'STRING', defaultValue: 'gs://data/penguins/*.csv' },
          epochs: { parameterType: 'NUMBER_INTEGER', defaultValue: 10, isOptional: true },
          learning_rate: { parameterType: 'NUMBER_DOUBLE', defaultValue: 0.01, isOptional: true },
          tune: { parameterType: 'BOOLEAN', defaultValue: true, isOptional: true },
          split_ratios: { parameterType: 'STRUCT', defaultValue: { train: 2, eval: 1 }, isOptional: true },
          features: { parameterType: 'LIST', defaultValue: [], isOptional: true },
          tuner: {
            parameterType: 'STRING',
            defaultValue: 'random',
            isOptional: true,
            literals: ['random', 'bayesian'],
          },
        },
      },
      dag: {
        tasks: {
          extract: {
            taskInfo: { name: 'extract' },
            componentRef: { name: 'comp-extract' },
            cachingOptions: { enableCache: true },
            inputs: { parameters: { input_pattern: { componentInputParameter: 'input_pattern' } } },
          },
          'condition-1': {
            taskInfo: { name: 'condition-1' },
            componentRef: { name: 'comp-condition-1' },
            dependentTasks: ['extract'],
            triggerPolicy: { condition: "inputs.parameter_values['pipelinechannel--tune'] == true" },
            inputs: {
              parameters: {
                'pipelinechannel--epochs': { componentInputParameter: 'epochs' },
                'pipelinechannel--tune': { componentInputParameter: 'tune' },
              },
            },
          },
        },
      },
    },
  };
}
