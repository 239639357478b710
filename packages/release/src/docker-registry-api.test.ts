import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { artifactRegistryDocker } from './docker-registry-api.js';
import { type LoopbackServer, loopbackServer } from './internal/loopback-server.js';

const MANIFEST = '{"schemaVersion":2,"mediaType":"application/vnd.oci.image.manifest.v1+json","layers":[]}';
const OCI = 'application/vnd.oci.image.manifest.v1+json';

describe('artifactRegistryDocker (Docker Registry HTTP API v2)', () => {
  let server: LoopbackServer;
  const tags = new Map<string, string>([['/v2/p/r/extract/manifests/content-1', MANIFEST]]);
  beforeAll(async () => {
    server = await loopbackServer((req) => {
      if (req.method === 'PUT') {
        tags.set(req.url, req.body.toString('utf8'));
        return { status: 201 };
      }
      const body = tags.get(req.url);
      if (body === undefined) return { status: 404, body: '{"errors":[{"code":"MANIFEST_UNKNOWN"}]}' };
      return { status: 200, body: req.method === 'HEAD' ? '' : body, headers: { 'content-type': OCI } };
    });
  });
  afterAll(() => server.close());

  it('checks tags with HEAD and re-tags by PUTting the same manifest bytes under the new tag', async () => {
    const host = server.url.replace('http://', '');
    const registry = artifactRegistryDocker({ token: 'tok', scheme: 'http' });
    expect(await registry.hasTag(`${host}/p/r/extract`, 'content-1')).toBe(true);
    expect(await registry.hasTag(`${host}/p/r/extract`, 'abc')).toBe(false);
    await registry.addTag(`${host}/p/r/extract`, 'content-1', 'abc');

    expect(server.requests.map((r) => `${r.method} ${r.url}`)).toEqual([
      'HEAD /v2/p/r/extract/manifests/content-1',
      'HEAD /v2/p/r/extract/manifests/abc',
      'GET /v2/p/r/extract/manifests/content-1',
      'PUT /v2/p/r/extract/manifests/abc',
    ]);
    const put = server.requests[3]!;
    expect(put.headers['content-type']).toBe(OCI);
    expect(put.body.toString('utf8')).toBe(MANIFEST);
    expect(server.requests.every((r) => r.headers.authorization === 'Bearer tok')).toBe(true);
    expect(server.requests[0]!.headers.accept).toContain(OCI);
  });

  it('reports a missing source tag as NOT_FOUND with the URL', async () => {
    const host = server.url.replace('http://', '');
    const registry = artifactRegistryDocker({ token: 'tok', scheme: 'http' });
    await expect(registry.addTag(`${host}/p/r/train`, 'nope', 'abc')).rejects.toMatchObject({
      code: 'NOT_FOUND',
      details: { status: 404, url: `${server.url}/v2/p/r/train/manifests/nope` },
    });
  });
});
