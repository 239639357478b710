import { countingPort, withoutGoogleCredentials } from '@ctpipe/testing';
import { describe, expect, it } from 'vitest';
import { createVertexPipelineClients } from './clients.js';

describe('createVertexPipelineClients without Google credentials', () => {
  withoutGoogleCredentials();

  it('fails with UNAVAILABLE naming how to fix it, before sending anything', async () => {
    const api = await countingPort();
    try {
      await expect(
        createVertexPipelineClients(
          { project: 'ctpipe-prod', region: 'europe-west4' },
          { apiEndpoint: '127.0.0.1', port: api.port },
        ),
      ).rejects.toMatchObject({
        name: 'CtpipeError',
        code: 'UNAVAILABLE',
        message: expect.stringMatching(
          /^Vertex AI: no credentials found.*gcloud auth application-default login/,
        ),
        details: { project: 'ctpipe-prod', region: 'europe-west4' },
      });
      expect(api.connections()).toBe(0);
    } finally {
      await api.close();
    }
  });
});
