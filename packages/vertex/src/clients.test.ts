import { mkdtempSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createVertexPipelineClients } from './clients.js';

/** A loopback port standing in for the Vertex AI API, counting the connections made to it. */
async function countingPort() {
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

describe('createVertexPipelineClients without Google credentials', () => {
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
