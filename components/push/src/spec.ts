import { defineComponent } from '@ctpipe/contract';

/**
 * TFX's Pusher: only a blessed model (evaluate) that the serving runtime could load (infra-validate) is
 * registered in the model registry at the serving base path, in TF Serving's layout `<base>/<model_name>/<version>/`
 * (versions numbered 1, 2, 3… by the registry), and rolled out: the first version of a model becomes `stable`,
 * later ones `canary` with `canary_percent` of the traffic. On Vertex AI it is also uploaded to the Vertex AI
 * Model Registry and deployed to an endpoint with the same traffic split. Not blessed → pushed=false, nothing else.
 */
export const pushSpec = defineComponent({
  name: 'push',
  description:
    'Registers a blessed model as the next version in the model registry (<base>/<model>/<version>/, TF Serving ' +
    'layout; first version stable, later ones canary) and deploys it locally or to a Vertex AI endpoint with a ' +
    'canary traffic split; records pushed=false and does nothing else when the model is not blessed.',
  inputs: {
    parameters: {
      serving_base_path: {
        type: 'STRING',
        description:
          'The model registry / serving base path: a local folder (relative to the working directory) or gs:// ' +
          '(required for deploy_target vertex).',
        default: '.ctpipe/serving',
      },
      model_name: {
        type: 'STRING',
        description: 'The served model name: /v1/models/<model_name>.',
        default: 'model',
      },
      canary_percent: {
        type: 'NUMBER_INTEGER',
        description:
          'Traffic share (0-100) of a new version as canary; the first version of a model, or 0 here, goes ' +
          'straight to stable.',
        default: 10,
      },
      deploy_target: {
        type: 'STRING',
        description:
          "'local' (the serving base path only) or 'vertex' (also Vertex AI Model Registry + endpoint).",
        default: 'local',
      },
      run_id: {
        type: 'STRING',
        description:
          "The pipeline run, recorded with the version for lineage (KFP's pipeline job name); '' = unknown.",
        default: '',
      },
      vertex_project: { type: 'STRING', description: 'Vertex AI: the Google Cloud project.', default: '' },
      vertex_region: {
        type: 'STRING',
        description: 'Vertex AI: the region, e.g. europe-west4.',
        default: '',
      },
      vertex_endpoint: {
        type: 'STRING',
        description:
          "Vertex AI: the endpoint id or resource name; '' = the endpoint named after the model (created if none).",
        default: '',
      },
      serving_image: {
        type: 'STRING',
        description: "Vertex AI: the prediction server's container image URI.",
        default: '',
      },
      vertex_machine_type: {
        type: 'STRING',
        description: 'Vertex AI: the machine type of the deployed model.',
        default: 'n1-standard-2',
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
      evaluation: {
        type: 'system.Metrics',
        description: "evaluate's overall metrics, recorded with the registered version; optional.",
        optional: true,
      },
    },
  },
  outputs: {
    parameters: {
      pushed: { type: 'BOOLEAN', description: 'true when the model is now a version in the registry.' },
      version: { type: 'NUMBER_INTEGER', description: 'The registry version (0 when not pushed).' },
    },
    artifacts: {
      pushed_model: {
        type: 'system.Model',
        description:
          'PushedModel: metadata pushed (1/0), version, labels, pushed_destination, model_name, canary_percent ' +
          'and, on Vertex AI, vertex_model, vertex_endpoint, vertex_deployed_model_id.',
      },
    },
  },
});

export type PushSpec = typeof pushSpec;
