import { countingPort, withoutGoogleCredentials } from '@ctpipe/testing';
import { describe, expect, it } from 'vitest';
import { createVertexClients, deployToVertex } from './vertex-deploy.js';

const quiet = { info() {}, warn() {}, progress() {} };

describe('deployToVertex without Google credentials', () => {
  withoutGoogleCredentials();

  it('fails with UNAVAILABLE "Vertex AI: no credentials" through the real clients, sending nothing', async () => {
    const api = await countingPort();
    const clients = await createVertexClients('europe-west4', { apiEndpoint: '127.0.0.1', port: api.port });
    try {
      const attempt = deployToVertex(
        {
          project: 'ctpipe-prod',
          region: 'europe-west4',
          modelName: 'penguins',
          version: 2,
          artifactUri: 'gs://ctpipe-prod-serving/penguins/2',
          source: 'gs://root/run/train/model',
          servingImage: 'europe-west4-docker.pkg.dev/ctpipe-prod/ctpipe/serving:abc',
          endpoint: '',
          trafficPercent: 10,
          machineType: 'n1-standard-2',
        },
        clients,
        quiet,
      );
      await expect(attempt).rejects.toMatchObject({
        name: 'CtpipeError',
        code: 'UNAVAILABLE',
        message: expect.stringMatching(/^Vertex AI: no credentials found/),
        details: { project: 'ctpipe-prod', region: 'europe-west4', model: 'penguins' },
      });
      expect(api.connections()).toBe(0);
    } finally {
      await Promise.all([clients.models.close(), clients.endpoints.close(), api.close()]);
    }
  });
});
