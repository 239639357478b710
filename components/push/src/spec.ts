import { defineComponent } from '@ctpipe/contract';

/**
 * TFX's Pusher: only a blessed model (evaluate) that the serving runtime could load (infra-validate) is copied
 * into the serving base path in TF Serving's layout, `<base>/<model_name>/<version>/`, where a model server
 * watching the base path picks it up. A model that is not blessed is recorded as not pushed, nothing else.
 */
export const pushSpec = defineComponent({
  name: 'push',
  description:
    'Pushes a blessed model into the serving base path (<base>/<model>/<version>/, TF Serving layout), ' +
    'atomically; records pushed=false and does nothing else when the model is not blessed.',
  inputs: {
    parameters: {
      serving_base_path: {
        type: 'STRING',
        description:
          'Where models are served from: a local folder (relative to the working directory) or gs://.',
        default: '.ctpipe/serving',
      },
      model_name: {
        type: 'STRING',
        description: 'The served model name: /v1/models/<model_name>.',
        default: 'model',
      },
    },
    artifacts: {
      model: { type: 'system.Model', description: 'The candidate from train (TF Serving version layout).' },
      blessing: { type: 'system.Artifact', description: "evaluate's ModelBlessing (metadata.blessed = 1)." },
      infra_blessing: {
        type: 'system.Artifact',
        description: "infra-validate's InfraBlessing (metadata.blessed = 1); optional as in TFX.",
        optional: true,
      },
    },
  },
  outputs: {
    parameters: {
      pushed: { type: 'BOOLEAN', description: 'true when the model is now in the serving base path.' },
      version: { type: 'NUMBER_INTEGER', description: 'The pushed version (0 when not pushed).' },
    },
    artifacts: {
      pushed_model: {
        type: 'system.Model',
        description: 'PushedModel: metadata pushed (1/0), pushed_destination, version, model_name.',
      },
    },
  },
});

export type PushSpec = typeof pushSpec;
