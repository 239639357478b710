import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVertexClients, deployToVertex } from './vertex-deploy.js';

const quiet = { info() {}, warn() {}, progress() {} };

/** A loopback port standing in for the Vertex AI API, counting the connections made to it. */
async function countingPort(): Promise<{
  port: number;
  connections: () => number;
  close: () => Promise<void>;
}> {
  let connections = 0;
  const server = createServer((socket) => {
    connections++;
    socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  return {
    port,
    connections: () => connections,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

describe('deployToVertex without Google credentials', () => {
  const saved = { ...process.env };
  beforeAll(() => {
    // No Application Default Credentials anywhere google-auth looks, and no metadata server probe (no network).
    delete process.env.GOOGLE_APPLICATION_CREDENTIALS;
    process.env.CLOUDSDK_CONFIG = mkdtempSync(join(tmpdir(), 'no-gcloud-'));
    process.env.METADATA_SERVER_DETECTION = 'none';
  });
  afterAll(() => {
    process.env = saved;
  });

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
