import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Storage as GcsClient } from '@google-cloud/storage';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  apiError,
  cannedResponses,
  type FakeGcsServer,
  type FakeHandler,
  parseMultipart,
  type RecordedRequest,
  startFakeGcsServer,
} from '../test/fake-gcs-server.js';
import { objectResource } from '../test/in-memory-gcs.js';
import { GcsStorage } from './gcs-storage.js';

// The real @google-cloud/storage client against a loopback server: each test asserts the exact JSON API
// requests GcsStorage makes and answers with what Cloud Storage would.

let server: FakeGcsServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
  vi.unstubAllEnvs();
});

async function gcsWith(handler: FakeHandler, options: { resumableThresholdBytes?: number } = {}) {
  server = await startFakeGcsServer(handler);
  // With a custom apiEndpoint the v7 client sends no credentials unless useAuthWithCustomEndpoint is set.
  const client = new GcsClient({ apiEndpoint: server.endpoint, projectId: 'test' });
  return { storage: new GcsStorage({ client, ...options }), requests: server.requests };
}

const summary = (r: RecordedRequest) => ({ method: r.method, path: r.path, query: r.query });
const listPage = (names: string[], nextPageToken?: string) => ({
  status: 200,
  json: {
    kind: 'storage#objects',
    items: names.map((n) => objectResource('bkt', n, Buffer.from(n))),
    ...(nextPageToken === undefined ? {} : { nextPageToken }),
  },
});

describe('GcsStorage requests', () => {
  it('reads an object with one alt=media GET on the percent-encoded object name', async () => {
    const body = Buffer.from('héllo');
    const { storage, requests } = await gcsWith(cannedResponses({ status: 200, body }));
    expect(await storage.readText('gs://bkt/dir/a b.txt')).toBe('héllo');
    expect(requests.map(summary)).toEqual([
      { method: 'GET', path: '/storage/v1/b/bkt/o/dir%2Fa%20b.txt', query: { alt: 'media' } },
    ]);
  });

  it('writes a small object in one multipart request: metadata part, then the bytes', async () => {
    const { storage, requests } = await gcsWith(
      cannedResponses({ status: 200, json: objectResource('bkt', 'dir/a.txt', Buffer.from('hello')) }),
    );
    await storage.writeText('gs://bkt/dir/a.txt', 'hello');
    expect(requests.map(summary)).toEqual([
      {
        method: 'POST',
        path: '/upload/storage/v1/b/bkt/o',
        query: { uploadType: 'multipart', name: 'dir/a.txt' },
      },
    ]);
    const [metadata, media] = parseMultipart(requests[0]!);
    expect(JSON.parse(metadata!.body.toString('utf8'))).toEqual({ contentType: 'text/plain; charset=utf-8' });
    expect(media!.body.toString('utf8')).toBe('hello');
  });

  it('fails the write when the stored checksum does not match what was sent', async () => {
    // The client validates the crc32c Cloud Storage returns, then deletes the corrupt object.
    const { storage, requests } = await gcsWith(
      cannedResponses(
        { status: 200, json: objectResource('bkt', 'a.bin', Buffer.from('something else')) },
        { status: 204 },
      ),
    );
    await expect(storage.writeBytes('gs://bkt/a.bin', Buffer.from('hello'))).rejects.toThrow(/did not match/);
    expect(requests.map((r) => r.method)).toEqual(['POST', 'DELETE']);
  });

  it('writes an object above the threshold through a resumable session: start, then one PUT', async () => {
    const data = Buffer.from('0123456789abcdef!'); // 17 bytes
    const { storage, requests } = await gcsWith(
      (req, endpoint) =>
        req.method === 'POST'
          ? {
              status: 200,
              headers: {
                location: `${endpoint}/upload/storage/v1/b/bkt/o?uploadType=resumable&upload_id=s1`,
              },
            }
          : { status: 200, json: objectResource('bkt', 'big.bin', data) },
      { resumableThresholdBytes: 16 },
    );
    await storage.writeBytes('gs://bkt/big.bin', data);
    expect(requests.map(summary)).toEqual([
      {
        method: 'POST',
        path: '/upload/storage/v1/b/bkt/o',
        query: { name: 'big.bin', uploadType: 'resumable' },
      },
      {
        method: 'PUT',
        path: '/upload/storage/v1/b/bkt/o',
        query: { uploadType: 'resumable', upload_id: 's1' },
      },
    ]);
    expect(requests[0]?.headers['x-upload-content-type']).toBe('application/octet-stream');
    expect(requests[1]?.body).toEqual(data);
  });

  it('lists a prefix through every page, sorted, skipping folder placeholders', async () => {
    const { storage, requests } = await gcsWith(
      cannedResponses(
        listPage(['data/b.csv', 'data/'], 'token-1'),
        listPage(['data/a.csv', 'data/sub/c.csv']),
      ),
    );
    const listed = await storage.list('gs://bkt/data');
    expect(requests.map(summary)).toEqual([
      { method: 'GET', path: '/storage/v1/b/bkt/o', query: { prefix: 'data/' } },
      { method: 'GET', path: '/storage/v1/b/bkt/o', query: { prefix: 'data/', pageToken: 'token-1' } },
    ]);
    expect(listed).toEqual([
      { uri: 'gs://bkt/data/a.csv', size: 10, updated: new Date('2026-01-02T03:04:05.000Z') },
      { uri: 'gs://bkt/data/b.csv', size: 10, updated: new Date('2026-01-02T03:04:05.000Z') },
      { uri: 'gs://bkt/data/sub/c.csv', size: 14, updated: new Date('2026-01-02T03:04:05.000Z') },
    ]);
  });

  it('globs by listing the literal prefix before the first wildcard, then matching', async () => {
    const { storage, requests } = await gcsWith(
      cannedResponses(listPage(['data/x1.csv', 'data/x2.json', 'data/x3/y.csv', 'data/xx.csv'])),
    );
    const matched = await storage.glob('gs://bkt/data/x?.csv');
    expect(requests.map(summary)).toEqual([
      { method: 'GET', path: '/storage/v1/b/bkt/o', query: { prefix: 'data/x' } },
    ]);
    expect(matched.map((m) => m.uri)).toEqual(['gs://bkt/data/x1.csv', 'gs://bkt/data/xx.csv']);
  });

  it('answers exists from the metadata GET: 200 → true, 404 → false', async () => {
    const { storage, requests } = await gcsWith(
      cannedResponses(
        { status: 200, json: objectResource('bkt', 'a.txt', Buffer.from('a')) },
        apiError(404, 'No such object: bkt/b.txt', 'notFound'),
      ),
    );
    expect(await storage.exists('gs://bkt/a.txt')).toBe(true);
    expect(await storage.exists('gs://bkt/b.txt')).toBe(false);
    expect(requests.map(summary)).toEqual([
      { method: 'GET', path: '/storage/v1/b/bkt/o/a.txt', query: {} },
      { method: 'GET', path: '/storage/v1/b/bkt/o/b.txt', query: {} },
    ]);
  });

  it('stats an object from its metadata', async () => {
    const json = objectResource('bkt', 'm/model.json', Buffer.from('{}'), {
      updated: '2026-03-04T05:06:07.000Z',
    });
    const { storage } = await gcsWith(cannedResponses({ status: 200, json }));
    expect(await storage.stat('gs://bkt/m/model.json')).toEqual({
      uri: 'gs://bkt/m/model.json',
      size: 2,
      updated: new Date('2026-03-04T05:06:07.000Z'),
    });
  });

  it('deletes one object with one DELETE, and a missing one is NOT_FOUND', async () => {
    const { storage, requests } = await gcsWith(
      cannedResponses({ status: 204 }, apiError(404, 'No such object: bkt/gone', 'notFound')),
    );
    await storage.delete('gs://bkt/m/model.json');
    await expect(storage.delete('gs://bkt/gone')).rejects.toMatchObject({
      code: 'NOT_FOUND',
      details: { path: 'gs://bkt/gone' },
    });
    expect(requests.map(summary)).toEqual([
      { method: 'DELETE', path: '/storage/v1/b/bkt/o/m%2Fmodel.json', query: {} },
      { method: 'DELETE', path: '/storage/v1/b/bkt/o/gone', query: {} },
    ]);
  });

  it('deletes recursively: lists the prefix, then deletes the object itself and each one under it', async () => {
    const deleted: string[] = [];
    const { storage, requests } = await gcsWith((req) => {
      if (req.method === 'GET') return listPage(['m/1/a.bin', 'm/1/b.bin']);
      deleted.push(decodeURIComponent(req.path));
      return req.path.endsWith('/o/m') ? apiError(404, 'No such object: bkt/m', 'notFound') : { status: 204 };
    });
    await storage.delete('gs://bkt/m', { recursive: true });
    expect(summary(requests[0]!)).toEqual({
      method: 'GET',
      path: '/storage/v1/b/bkt/o',
      query: { prefix: 'm/' },
    });
    expect(deleted.sort()).toEqual([
      '/storage/v1/b/bkt/o/m',
      '/storage/v1/b/bkt/o/m/1/a.bin',
      '/storage/v1/b/bkt/o/m/1/b.bin',
    ]);
  });

  it('refuses to delete a whole bucket', async () => {
    const { storage, requests } = await gcsWith(cannedResponses());
    await expect(storage.delete('gs://bkt', { recursive: true })).rejects.toMatchObject({
      code: 'BAD_INPUT',
    });
    expect(requests).toEqual([]);
  });

  it('uploads a directory as one multipart POST per file, named <prefix>/<relative path>', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ctpipe-gcs-upload-'));
    try {
      await mkdir(join(dir, 'w'));
      await writeFile(join(dir, 'model.json'), '{}');
      await writeFile(join(dir, 'w', 'shard.bin'), 'weights');
      const { storage, requests } = await gcsWith((req) => {
        const media = parseMultipart(req)[1]?.body ?? Buffer.alloc(0);
        return { status: 200, json: objectResource('bkt', req.query.name ?? '', media) };
      });
      await storage.uploadDir(dir, 'gs://bkt/models/1');
      const uploads = requests.map((r) => ({
        ...summary(r),
        media: parseMultipart(r)[1]?.body.toString('utf8'),
      }));
      expect(uploads.sort((a, b) => String(a.query.name).localeCompare(String(b.query.name)))).toEqual([
        {
          method: 'POST',
          path: '/upload/storage/v1/b/bkt/o',
          query: { uploadType: 'multipart', name: 'models/1/model.json' },
          media: '{}',
        },
        {
          method: 'POST',
          path: '/upload/storage/v1/b/bkt/o',
          query: { uploadType: 'multipart', name: 'models/1/w/shard.bin' },
          media: 'weights',
        },
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('downloads a prefix into a directory, one alt=media GET per object', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ctpipe-gcs-download-'));
    try {
      const { storage, requests } = await gcsWith((req) =>
        req.query.alt === 'media'
          ? { status: 200, body: `bytes of ${decodeURIComponent(req.path.split('/o/')[1]!)}` }
          : listPage(['m/model.json', 'm/w/shard.bin']),
      );
      await storage.downloadDir('gs://bkt/m', dir);
      expect(await readFile(join(dir, 'model.json'), 'utf8')).toBe('bytes of m/model.json');
      expect(await readFile(join(dir, 'w/shard.bin'), 'utf8')).toBe('bytes of m/w/shard.bin');
      expect(requests.map(summary).sort((a, b) => a.path.localeCompare(b.path))).toEqual([
        { method: 'GET', path: '/storage/v1/b/bkt/o', query: { prefix: 'm/' } },
        { method: 'GET', path: '/storage/v1/b/bkt/o/m%2Fmodel.json', query: { alt: 'media' } },
        { method: 'GET', path: '/storage/v1/b/bkt/o/m%2Fw%2Fshard.bin', query: { alt: 'media' } },
      ]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it('refuses object names that would escape the download directory', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'ctpipe-gcs-download-'));
    try {
      const { storage } = await gcsWith(cannedResponses(listPage(['m/../../evil.sh'])));
      await expect(storage.downloadDir('gs://bkt/m', dir)).rejects.toMatchObject({ code: 'BAD_INPUT' });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe('GcsStorage errors', () => {
  it('turns a 404 on read into NOT_FOUND naming the URI', async () => {
    const { storage } = await gcsWith(cannedResponses(apiError(404, 'No such object: bkt/x', 'notFound')));
    await expect(storage.readBytes('gs://bkt/x')).rejects.toMatchObject({
      code: 'NOT_FOUND',
      details: { path: 'gs://bkt/x' },
    });
  });

  it('turns a 403 into UNAVAILABLE', async () => {
    const { storage } = await gcsWith(
      cannedResponses(
        apiError(403, 'ci@p.iam.gserviceaccount.com does not have storage.objects.get', 'forbidden'),
      ),
    );
    await expect(storage.stat('gs://bkt/x')).rejects.toMatchObject({ code: 'UNAVAILABLE' });
  });

  it('turns missing Application Default Credentials into UNAVAILABLE', async () => {
    const home = await mkdtemp(join(tmpdir(), 'ctpipe-no-adc-'));
    try {
      // A machine with no ADC: no key file variable, an empty gcloud config, no metadata server.
      vi.stubEnv('GOOGLE_APPLICATION_CREDENTIALS', '');
      vi.stubEnv('HOME', home);
      vi.stubEnv('CLOUDSDK_CONFIG', home);
      vi.stubEnv('METADATA_SERVER_DETECTION', 'none');
      // Without credentials the client still tries anonymously (public buckets); Cloud Storage says 401.
      const anonymous = apiError(
        401,
        'Anonymous caller does not have storage.objects.get access',
        'required',
      );
      server = await startFakeGcsServer(cannedResponses(anonymous, anonymous));
      const client = new GcsClient({
        apiEndpoint: server.endpoint,
        projectId: 'test',
        useAuthWithCustomEndpoint: true,
      });
      // google-auth also trusts BIOS/serverless hints that it runs on Google Cloud (true on a Cloud Build VM).
      client.authClient._checkIsGCE = async () => false;
      const storage = new GcsStorage({ client });
      // A streamed download and a JSON request take different paths through the client: check both.
      for (const attempt of [
        () => storage.readText('gs://bkt/a.txt'),
        () => storage.stat('gs://bkt/a.txt'),
      ]) {
        const err = await attempt().catch((e: unknown) => e);
        expect(err).toMatchObject({ code: 'UNAVAILABLE', details: { path: 'gs://bkt/a.txt' } });
        expect((err as Error).message).toMatch(/^Cloud Storage: no credentials found/);
      }
      expect(server.requests.map((r) => r.headers.authorization)).toEqual([undefined, undefined]);
    } finally {
      await rm(home, { recursive: true, force: true });
    }
  });
});

describe('GcsStorage input checks', () => {
  it('rejects URIs that are not gs:// object names', async () => {
    const { storage } = await gcsWith(cannedResponses());
    await expect(storage.readText('/local/path')).rejects.toMatchObject({ code: 'BAD_INPUT' });
    await expect(storage.readText('gs://bkt')).rejects.toMatchObject({ code: 'BAD_INPUT' });
    await expect(storage.readText('gs:///key')).rejects.toMatchObject({ code: 'BAD_INPUT' });
    await expect(storage.glob('gs://bk*/x')).rejects.toMatchObject({ code: 'BAD_INPUT' });
  });
});
