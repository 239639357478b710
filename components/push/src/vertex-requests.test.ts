import { describe, expect, it } from 'vitest';
import { buildDeployModelRequest, buildUploadModelRequest, vertexModelId } from './vertex-requests.js';

const upload = {
  project: 'ctpipe-prod',
  region: 'europe-west4',
  modelName: 'penguins',
  version: 3,
  artifactUri: 'gs://ctpipe-prod-serving/penguins/3',
  servingImage: 'europe-west4-docker.pkg.dev/ctpipe-prod/ctpipe/serving:abc123',
  source: 'gs://ctpipe-prod-pipeline-root/run-1/train/model',
};

describe('buildUploadModelRequest', () => {
  it('creates the model under its id the first time', () => {
    expect(buildUploadModelRequest(upload)).toEqual({
      parent: 'projects/ctpipe-prod/locations/europe-west4',
      modelId: 'penguins',
      model: {
        displayName: 'penguins',
        description: 'ctpipe model penguins, served by the ctpipe prediction server (TF Serving REST API)',
        versionDescription: 'registry version 3 from gs://ctpipe-prod-pipeline-root/run-1/train/model',
        artifactUri: 'gs://ctpipe-prod-serving/penguins/3',
        labels: { ctpipe_model: 'penguins', ctpipe_registry_version: '3' },
        containerSpec: {
          imageUri: 'europe-west4-docker.pkg.dev/ctpipe-prod/ctpipe/serving:abc123',
          env: [{ name: 'MODEL_NAME', value: 'penguins' }],
          ports: [{ containerPort: 8080 }],
          healthRoute: '/health',
          predictRoute: '/predict',
        },
      },
    });
  });

  it('adds a version to an existing model through parentModel, without modelId', () => {
    const parentModel = 'projects/ctpipe-prod/locations/europe-west4/models/penguins';
    const request = buildUploadModelRequest({ ...upload, parentModel });
    expect(request.parentModel).toBe(parentModel);
    expect(request).not.toHaveProperty('modelId');
  });

  it('folds a model name into a Vertex AI model id', () => {
    expect(vertexModelId('Penguins.v2 EU')).toBe('penguins-v2-eu');
  });
});

describe('buildDeployModelRequest', () => {
  const deploy = {
    endpoint: 'projects/ctpipe-prod/locations/europe-west4/endpoints/1234567890',
    model: 'projects/ctpipe-prod/locations/europe-west4/models/penguins@3',
    displayName: 'penguins-v3',
    machineType: 'n1-standard-2',
  };

  it('splits a canary against the deployed model with the most traffic, leaving an older canary at 0', () => {
    expect(
      buildDeployModelRequest({
        ...deploy,
        trafficPercent: 10,
        currentTrafficSplit: { '111': 90, '222': 10 },
      }),
    ).toEqual({
      endpoint: 'projects/ctpipe-prod/locations/europe-west4/endpoints/1234567890',
      deployedModel: {
        model: 'projects/ctpipe-prod/locations/europe-west4/models/penguins@3',
        displayName: 'penguins-v3',
        dedicatedResources: {
          machineSpec: { machineType: 'n1-standard-2' },
          minReplicaCount: 1,
          maxReplicaCount: 1,
        },
      },
      trafficSplit: { '0': 10, '111': 90 },
    });
  });

  it('gives the new model all the traffic when stable or when the endpoint serves nothing yet', () => {
    const stable = buildDeployModelRequest({
      ...deploy,
      trafficPercent: 100,
      currentTrafficSplit: { '111': 100 },
    });
    expect(stable.trafficSplit).toEqual({ '0': 100 });
    const empty = buildDeployModelRequest({ ...deploy, trafficPercent: 10, currentTrafficSplit: {} });
    expect(empty.trafficSplit).toEqual({ '0': 100 });
  });
});
