import { hostname } from 'node:os';
import { CtpipeError } from '@ctpipe/errors';
import type { GcsStorage } from '@ctpipe/storage';
import type { LockOptions } from './lock-options.js';
import { pause } from './pause.js';

/**
 * Runs `fn` holding a lock object on Cloud Storage. Creating it with `ifGenerationMatch: 0` succeeds for exactly
 * one writer (the others get HTTP 412). A lock older than `staleMs` is deleted with `ifGenerationMatch` of the
 * generation seen, so breaking a stale lock can never delete a fresh one.
 */
export async function withGcsLock<T>(
  storage: GcsStorage,
  lockUri: string,
  options: LockOptions,
  fn: () => Promise<T>,
): Promise<T> {
  const file = fileOf(storage, lockUri);
  const generation = await acquire(file, lockUri, options);
  try {
    return await fn();
  } finally {
    await file.delete({ ifGenerationMatch: generation }).catch(() => undefined);
  }
}

type LockFile = ReturnType<typeof fileOf>;

async function acquire(file: LockFile, lockUri: string, options: LockOptions): Promise<string> {
  const started = Date.now();
  const body = JSON.stringify({ pid: process.pid, host: hostname(), createdAt: new Date().toISOString() });
  for (let attempt = 0; ; attempt++) {
    try {
      await file.save(body, {
        resumable: false,
        contentType: 'application/json',
        preconditionOpts: { ifGenerationMatch: 0 },
      });
      return String(file.metadata.generation);
    } catch (err) {
      if (statusOf(err) !== 412) throw lockError(err, lockUri);
    }
    const held = await file.getMetadata().then(
      ([m]) => m,
      () => undefined, // released meanwhile: try again
    );
    if (held && Date.now() - new Date(held.timeCreated ?? 0).getTime() > options.staleMs) {
      await file.delete({ ifGenerationMatch: held.generation ?? 0 }).catch(() => undefined);
      continue;
    }
    if (Date.now() - started > options.timeoutMs) {
      throw new CtpipeError('CONFLICT', `the model registry is locked by another writer: ${lockUri}`, {
        details: {
          path: lockUri,
          found: held ? `a lock created at ${held.timeCreated}` : 'a lock object',
          expected: `the lock to be released within ${options.timeoutMs} ms`,
        },
      });
    }
    await pause(Math.min(1000, 50 * 2 ** Math.min(attempt, 5)) * (0.5 + Math.random()));
  }
}

function fileOf(storage: GcsStorage, uri: string) {
  const match = /^gs:\/\/([^/]+)\/(.+)$/.exec(uri);
  if (!match)
    throw new CtpipeError('BAD_INPUT', `not a gs:// object URI: ${uri}`, { details: { path: uri } });
  return storage.client.bucket(match[1]!).file(match[2]!);
}

function lockError(err: unknown, lockUri: string): unknown {
  const message = err instanceof Error ? err.message : String(err);
  if (!message.includes('Could not load the default credentials') && statusOf(err) !== 401) return err;
  return new CtpipeError(
    'UNAVAILABLE',
    'Cloud Storage: no credentials found. Run `gcloud auth application-default login`, set ' +
      'GOOGLE_APPLICATION_CREDENTIALS, or run with an attached service account.',
    { details: { path: lockUri }, cause: err },
  );
}

function statusOf(err: unknown): number | undefined {
  if (typeof err === 'object' && err !== null && 'code' in err && typeof err.code === 'number')
    return err.code;
  return undefined;
}
