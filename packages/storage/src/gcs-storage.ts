import { stat as statPath } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { CtpipeError } from '@ctpipe/errors';
import { type File, Storage as GcsClient } from '@google-cloud/storage';
import { compileGlob, hasWildcard } from './glob.js';
import { writeFileAtomically } from './internal/atomic-file.js';
import {
  fromGcsError,
  httpStatusOf,
  isNoCredentialsError,
  noCredentialsError,
} from './internal/gcs-error.js';
import { dirPrefix, gcsUri, parseGcsObjectUri, parseGcsUri } from './internal/gcs-location.js';
import { requireLocalDir } from './internal/local-dir.js';
import { localLocation } from './internal/local-location.js';
import { mapLimit } from './internal/map-limit.js';
import { relativeKey } from './internal/relative-key.js';
import { walkFiles } from './internal/walk-files.js';
import type { DeleteOptions, ObjectInfo, Storage } from './storage.js';

export interface GcsStorageOptions {
  /** A configured client (tests pass one aimed at a loopback server); by default `new Storage({ projectId })`. */
  client?: GcsClient;
  projectId?: string;
  /**
   * Objects up to this size go up in one multipart request (`resumable: false`); larger ones use a resumable
   * session. Default 8 MiB, gsutil's resumable threshold.
   */
  resumableThresholdBytes?: number;
  /** Parallel requests for list-then-act operations (recursive delete, uploadDir, downloadDir). Default 16. */
  concurrency?: number;
}

interface Listed {
  key: string;
  info: ObjectInfo;
}

/**
 * Cloud Storage through the official client. Writes are atomic because GCS creates an object only when an
 * upload completes: a single-request (multipart) upload either stores all bytes or nothing, and a resumable
 * one becomes visible only when its final chunk is committed. Small objects use the single request: one
 * round trip instead of two (session start + data), and nothing to resume for a few megabytes.
 */
export class GcsStorage implements Storage {
  readonly schemes = ['gs'] as const;
  readonly client: GcsClient;
  private readonly resumableThreshold: number;
  private readonly concurrency: number;

  constructor(options: GcsStorageOptions = {}) {
    this.client =
      options.client ??
      new GcsClient(options.projectId === undefined ? {} : { projectId: options.projectId });
    this.resumableThreshold = options.resumableThresholdBytes ?? 8 * 1024 * 1024;
    this.concurrency = options.concurrency ?? 16;
  }

  async readBytes(uri: string): Promise<Uint8Array> {
    const [contents] = await this.call(uri, () => this.file(parseGcsObjectUri(uri)).download());
    return contents;
  }

  async readText(uri: string): Promise<string> {
    return Buffer.from(await this.readBytes(uri)).toString('utf8');
  }

  async writeBytes(uri: string, data: Uint8Array): Promise<void> {
    await this.save(
      uri,
      Buffer.from(data.buffer, data.byteOffset, data.byteLength),
      'application/octet-stream',
    );
  }

  async writeText(uri: string, text: string): Promise<void> {
    await this.save(uri, Buffer.from(text, 'utf8'), 'text/plain; charset=utf-8');
  }

  async exists(uri: string): Promise<boolean> {
    const [found] = await this.call(uri, () => this.file(parseGcsObjectUri(uri)).exists());
    return found;
  }

  async stat(uri: string): Promise<ObjectInfo> {
    const [metadata] = await this.call(uri, () => this.file(parseGcsObjectUri(uri)).getMetadata());
    return { uri, size: Number(metadata.size ?? 0), updated: new Date(metadata.updated ?? 0) };
  }

  async list(prefixUri: string): Promise<ObjectInfo[]> {
    const { bucket, key } = parseGcsUri(prefixUri);
    return (await this.listKeys(bucket, dirPrefix(key), prefixUri)).map((o) => o.info);
  }

  async glob(pattern: string): Promise<ObjectInfo[]> {
    const { bucket, key } = parseGcsUri(pattern);
    if (hasWildcard(bucket)) {
      throw new CtpipeError('BAD_INPUT', `Wildcards are not allowed in a bucket name: ${pattern}`, {
        details: { path: pattern, expected: 'gs://<bucket>/<pattern>' },
      });
    }
    if (!hasWildcard(key)) return key === '' ? [] : this.statIfPresent(pattern);
    const glob = compileGlob(key);
    const listed = await this.listKeys(bucket, glob.literalPrefix, pattern);
    return listed.filter((o) => glob.matches(o.key)).map((o) => o.info);
  }

  async delete(uri: string, options: DeleteOptions = {}): Promise<void> {
    if (!options.recursive) {
      await this.call(uri, () => this.file(parseGcsObjectUri(uri)).delete());
      return;
    }
    const { bucket, key } = parseGcsUri(uri);
    if (key === '' || key === '/') {
      throw new CtpipeError('BAD_INPUT', `Refusing to delete a whole bucket: ${uri}`, {
        details: { path: uri },
      });
    }
    const under = await this.listKeys(bucket, dirPrefix(key), uri);
    const keys = key.endsWith('/') ? under.map((o) => o.key) : [key, ...under.map((o) => o.key)];
    await mapLimit(keys, this.concurrency, (k) =>
      this.call(gcsUri(bucket, k), () => this.file({ bucket, key: k }).delete({ ignoreNotFound: true })),
    );
  }

  async uploadDir(localDir: string, uri: string): Promise<void> {
    const from = await requireLocalDir(localDir);
    const { bucket, key } = parseGcsUri(uri);
    const files = await walkFiles(from);
    await mapLimit(files, this.concurrency, async (file) => {
      const destination = dirPrefix(key) + relative(from, file);
      const { size } = await statPath(file);
      await this.call(gcsUri(bucket, destination), () =>
        this.client.bucket(bucket).upload(file, { destination, resumable: size > this.resumableThreshold }),
      );
    });
  }

  async downloadDir(uri: string, localDir: string): Promise<void> {
    const to = localLocation(localDir).path;
    const { bucket, key } = parseGcsUri(uri);
    const prefix = dirPrefix(key);
    const listed = await this.listKeys(bucket, prefix, uri);
    if (listed.length === 0) {
      throw new CtpipeError('NOT_FOUND', `No objects under ${uri}`, { details: { path: uri } });
    }
    await mapLimit(listed, this.concurrency, async ({ key: k, info }) => {
      const target = join(to, relativeKey(k, prefix, info.uri));
      await writeFileAtomically(target, async (temp) => {
        await this.call(info.uri, () => this.file({ bucket, key: k }).download({ destination: temp }));
      });
    });
  }

  private async statIfPresent(uri: string): Promise<ObjectInfo[]> {
    try {
      return [await this.stat(uri)];
    } catch (err) {
      if (err instanceof CtpipeError && err.code === 'NOT_FOUND') return [];
      throw err;
    }
  }

  private async save(uri: string, data: Buffer, contentType: string): Promise<void> {
    const file = this.file(parseGcsObjectUri(uri));
    await this.call(uri, () =>
      file.save(data, { resumable: data.byteLength > this.resumableThreshold, contentType }),
    );
  }

  /** Objects whose name starts with `prefix` (all pages), sorted by name; "folder" placeholders skipped. */
  private async listKeys(bucket: string, prefix: string, uri: string): Promise<Listed[]> {
    // No `fields` projection: with it the client returns raw JSON items instead of the File objects it types.
    const query = prefix === '' ? { autoPaginate: true } : { prefix, autoPaginate: true };
    const [files] = await this.call(uri, () => this.client.bucket(bucket).getFiles(query));
    return files
      .filter((f) => !f.name.endsWith('/'))
      .map((f) => ({ key: f.name, info: infoOf(bucket, f) }))
      .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }

  private file({ bucket, key }: { bucket: string; key: string }): File {
    return this.client.bucket(bucket).file(key);
  }

  private async call<T>(uri: string, request: () => Promise<T>): Promise<T> {
    try {
      return await request();
    } catch (err) {
      if (httpStatusOf(err) === 401 && (await this.lacksCredentials())) throw noCredentialsError(uri, err);
      return fromGcsError(err, uri);
    }
  }

  /**
   * Without credentials the client sends requests anonymously (public buckets need none), so a missing ADC
   * shows up as a 401; streamed downloads do not even carry google-auth's error. Ask google-auth directly.
   */
  private async lacksCredentials(): Promise<boolean> {
    try {
      await this.client.authClient.getClient();
      return false;
    } catch (err) {
      return isNoCredentialsError(err);
    }
  }
}

function infoOf(bucket: string, file: File): ObjectInfo {
  return {
    uri: gcsUri(bucket, file.name),
    size: Number(file.metadata.size ?? 0),
    updated: new Date(file.metadata.updated ?? 0),
  };
}
