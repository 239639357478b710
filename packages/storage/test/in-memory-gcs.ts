import { createHash } from 'node:crypto';
import { CRC32C } from '@google-cloud/storage';
import {
  apiError,
  type FakeHandler,
  type FakeResponse,
  parseMultipart,
  type RecordedRequest,
} from './fake-gcs-server.js';

interface StoredObject {
  data: Buffer;
  contentType: string;
  generation: number;
  updated: Date;
}

function crc32cOf(data: Buffer): string {
  const crc = new CRC32C();
  crc.update(data);
  return crc.toString();
}

/** The JSON API resource for an object, as `objects.get` and uploads return it. */
export function objectResource(
  bucket: string,
  name: string,
  data: Buffer,
  extra: Record<string, unknown> = {},
) {
  return {
    kind: 'storage#object',
    id: `${bucket}/${name}/1`,
    name,
    bucket,
    generation: '1',
    metageneration: '1',
    contentType: 'application/octet-stream',
    storageClass: 'STANDARD',
    size: String(data.byteLength),
    md5Hash: createHash('md5').update(data).digest('base64'),
    crc32c: crc32cOf(data),
    timeCreated: '2026-01-02T03:04:05.000Z',
    updated: '2026-01-02T03:04:05.000Z',
    ...extra,
  };
}

/**
 * A Cloud Storage JSON API over a Map, enough for the client calls GcsStorage makes: objects.get (metadata
 * and alt=media), objects.list (prefix, pageToken, `pageSize` items per page to force pagination),
 * objects.delete, multipart uploads and single-PUT resumable uploads.
 */
export function inMemoryGcs(pageSize = 3): FakeHandler {
  const objects = new Map<string, StoredObject>();
  const sessions = new Map<string, { bucket: string; name: string; contentType: string }>();
  let generation = 0;

  function store(bucket: string, name: string, data: Buffer, contentType: string): FakeResponse {
    const stored = { data, contentType, generation: ++generation, updated: new Date() };
    objects.set(`${bucket}/${name}`, stored);
    return { status: 200, json: resource(bucket, name, stored) };
  }

  function resource(bucket: string, name: string, o: StoredObject) {
    return objectResource(bucket, name, o.data, {
      generation: String(o.generation),
      contentType: o.contentType,
      updated: o.updated.toISOString(),
    });
  }

  return (req: RecordedRequest, endpoint: string): FakeResponse => {
    const objectPath = /^\/storage\/v1\/b\/([^/]+)\/o\/(.+)$/.exec(req.path);
    const listPath = /^\/storage\/v1\/b\/([^/]+)\/o$/.exec(req.path);
    const uploadPath = /^\/upload\/storage\/v1\/b\/([^/]+)\/o$/.exec(req.path);

    if (objectPath) {
      const bucket = decodeURIComponent(objectPath[1] as string);
      const name = decodeURIComponent(objectPath[2] as string);
      const found = objects.get(`${bucket}/${name}`);
      if (!found) return apiError(404, `No such object: ${bucket}/${name}`, 'notFound');
      if (req.method === 'DELETE') {
        objects.delete(`${bucket}/${name}`);
        return { status: 204 };
      }
      if (req.query.alt === 'media') {
        const hashes = resource(bucket, name, found);
        return {
          status: 200,
          body: found.data,
          headers: {
            'content-type': found.contentType,
            'x-goog-hash': `crc32c=${hashes.crc32c},md5=${hashes.md5Hash}`,
            'x-goog-stored-content-encoding': 'identity',
            'x-goog-generation': String(found.generation),
          },
        };
      }
      return { status: 200, json: resource(bucket, name, found) };
    }

    if (listPath && req.method === 'GET') {
      const bucket = decodeURIComponent(listPath[1] as string);
      const prefix = req.query.prefix ?? '';
      const names = [...objects.keys()]
        .filter((k) => k.startsWith(`${bucket}/${prefix}`))
        .map((k) => k.slice(bucket.length + 1))
        .sort();
      const start = req.query.pageToken === undefined ? 0 : names.indexOf(req.query.pageToken);
      const page = names.slice(start, start + pageSize);
      const next = names[start + pageSize];
      return {
        status: 200,
        json: {
          kind: 'storage#objects',
          ...(page.length > 0
            ? { items: page.map((n) => resource(bucket, n, objects.get(`${bucket}/${n}`)!)) }
            : {}),
          ...(next === undefined ? {} : { nextPageToken: next }),
        },
      };
    }

    if (uploadPath && req.method === 'POST' && req.query.uploadType === 'multipart') {
      const [metadata, media] = parseMultipart(req);
      const meta = JSON.parse(metadata?.body.toString('utf8') ?? '{}') as { contentType?: string };
      const bucket = decodeURIComponent(uploadPath[1] as string);
      return store(
        bucket,
        req.query.name ?? '',
        media?.body ?? Buffer.alloc(0),
        meta.contentType ?? 'application/octet-stream',
      );
    }

    if (uploadPath && req.method === 'POST' && req.query.uploadType === 'resumable') {
      const id = `session-${sessions.size + 1}`;
      const bucket = decodeURIComponent(uploadPath[1] as string);
      const contentType = String(req.headers['x-upload-content-type'] ?? 'application/octet-stream');
      sessions.set(id, { bucket, name: req.query.name ?? '', contentType });
      const location = `${endpoint}${req.path}?uploadType=resumable&name=${encodeURIComponent(req.query.name ?? '')}&upload_id=${id}`;
      return { status: 200, headers: { location } };
    }

    if (uploadPath && req.method === 'PUT' && req.query.upload_id !== undefined) {
      const session = sessions.get(req.query.upload_id);
      if (!session) return apiError(404, 'No such upload session', 'notFound');
      sessions.delete(req.query.upload_id);
      return store(session.bucket, session.name, req.body, session.contentType);
    }

    return apiError(400, `fake GCS does not handle ${req.method} ${req.path}`, 'invalid');
  };
}
