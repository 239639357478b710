import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withoutGoogleCredentials } from '@ctpipe/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type LoopbackServer, loopbackServer } from './internal/loopback-server.js';
import { fetchPipelineTemplate, publishPipeline } from './kfp-publish.js';

const PIPELINE = '{"pipelineInfo":{"name":"ct-pipeline"},"root":{}}\n';

function pipelineFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'kfp-publish-'));
  const file = join(dir, 'pipeline.json');
  writeFileSync(file, PIPELINE);
  return file;
}

/** The parts of a multipart/form-data body: name → {filename?, content}. */
function parseMultipart(
  body: Buffer,
  contentType: string,
): Map<string, { filename?: string; content: string }> {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(contentType);
  const marker = `--${boundary?.[1] ?? boundary?.[2]}`;
  const parts = new Map<string, { filename?: string; content: string }>();
  for (const raw of body.toString('utf8').split(marker).slice(1, -1)) {
    const [head = '', ...rest] = raw.replace(/^\r\n/, '').split('\r\n\r\n');
    const name = /name="([^"]+)"/.exec(head)?.[1] ?? '';
    const filename = /filename="([^"]+)"/.exec(head)?.[1];
    parts.set(name, {
      ...(filename ? { filename } : {}),
      content: rest.join('\r\n\r\n').replace(/\r\n$/, ''),
    });
  }
  return parts;
}

describe('publishPipeline', () => {
  let server: LoopbackServer;
  let answer: { status: number; body: string } = { status: 200, body: 'ct-pipeline/sha256:abc123' };
  beforeAll(async () => {
    server = await loopbackServer(() => answer);
  });
  afterAll(() => server.close());
  afterEach(() => {
    server.requests.length = 0;
    answer = { status: 200, body: 'ct-pipeline/sha256:abc123' };
  });

  it('POSTs the file and the comma-joined tags as multipart form fields with the bearer token', async () => {
    const host = `${server.url}/my-project/kfp-repo`;
    const result = await publishPipeline({
      host,
      file: pipelineFile(),
      tags: ['0123abc', 'latest'],
      token: 'tok-1',
    });

    expect(result).toEqual({
      packageName: 'ct-pipeline',
      version: 'sha256:abc123',
      tags: ['0123abc', 'latest'],
      templateUri: `${host}/ct-pipeline/sha256:abc123`,
    });
    expect(server.requests).toHaveLength(1);
    const req = server.requests[0]!;
    expect(req.method).toBe('POST');
    expect(req.url).toBe('/my-project/kfp-repo');
    expect(req.headers.authorization).toBe('Bearer tok-1');
    const contentType = req.headers['content-type'] ?? '';
    expect(contentType).toMatch(/^multipart\/form-data; boundary=\S+$/);
    const parts = parseMultipart(req.body, contentType);
    expect([...parts.keys()].sort()).toEqual(['content', 'tags']);
    expect(parts.get('content')).toEqual({ filename: 'pipeline.json', content: PIPELINE });
    expect(parts.get('tags')).toEqual({ content: '0123abc,latest' });
  });

  it('turns an HTTP error into a CtpipeError with the status and the body', async () => {
    answer = { status: 403, body: 'Permission "artifactregistry.repositories.uploadArtifacts" denied' };
    await expect(
      publishPipeline({ host: `${server.url}/p/r`, file: pipelineFile(), tags: ['x'], token: 't' }),
    ).rejects.toMatchObject({
      name: 'CtpipeError',
      code: 'UNAVAILABLE',
      message: expect.stringContaining(
        'HTTP 403: Permission "artifactregistry.repositories.uploadArtifacts" denied',
      ),
      details: { status: 403, body: 'Permission "artifactregistry.repositories.uploadArtifacts" denied' },
    });
    answer = { status: 400, body: 'bad template' };
    await expect(
      publishPipeline({ host: `${server.url}/p/r`, file: pipelineFile(), tags: ['x'], token: 't' }),
    ).rejects.toMatchObject({ code: 'BAD_INPUT', details: { status: 400, body: 'bad template' } });
  });

  it('rejects an answer that is not PACKAGE/sha256:…', async () => {
    answer = { status: 200, body: '<html>login</html>' };
    await expect(
      publishPipeline({ host: `${server.url}/p/r`, file: pipelineFile(), tags: ['x'], token: 't' }),
    ).rejects.toMatchObject({ code: 'INTERNAL', details: { found: '<html>login</html>' } });
  });

  it('refuses bad hosts and tags before sending anything', async () => {
    await expect(
      publishPipeline({ host: 'https://example.com/p/r', file: pipelineFile(), tags: ['x'], token: 't' }),
    ).rejects.toMatchObject({
      code: 'BAD_INPUT',
      details: { expected: 'https://REGION-kfp.pkg.dev/PROJECT/REPO' },
    });
    await expect(
      publishPipeline({ host: `${server.url}/p/r`, file: pipelineFile(), tags: ['sha256:x'], token: 't' }),
    ).rejects.toMatchObject({ code: 'BAD_INPUT', details: { found: 'sha256:x' } });
    expect(server.requests).toHaveLength(0);
  });

  it('downloads a template by tag with GET host/package/tag', async () => {
    answer = { status: 200, body: PIPELINE };
    const text = await fetchPipelineTemplate({
      host: `${server.url}/p/r`,
      packageName: 'ct-pipeline',
      ref: 'latest',
      token: 't2',
    });
    expect(text).toBe(PIPELINE);
    expect(server.requests[0]).toMatchObject({ method: 'GET', url: '/p/r/ct-pipeline/latest' });
    expect(server.requests[0]!.headers.authorization).toBe('Bearer t2');
  });
});

describe('publishPipeline without Google credentials', () => {
  withoutGoogleCredentials();

  it('fails with UNAVAILABLE "Artifact Registry: no Google credentials" and sends nothing', async () => {
    const server = await loopbackServer(() => ({ status: 200, body: 'ct-pipeline/sha256:abc' }));
    try {
      await expect(
        publishPipeline({ host: `${server.url}/p/r`, file: pipelineFile(), tags: ['latest'] }),
      ).rejects.toMatchObject({
        name: 'CtpipeError',
        code: 'UNAVAILABLE',
        message: expect.stringMatching(/^Artifact Registry: no Google credentials found/),
      });
      expect(server.requests).toHaveLength(0);
    } finally {
      await server.close();
    }
  });
});
