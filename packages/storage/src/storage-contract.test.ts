import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Storage as GcsClient } from '@google-cloud/storage';
import { startFakeGcsServer } from '../test/fake-gcs-server.js';
import { inMemoryGcs } from '../test/in-memory-gcs.js';
import { describeStorageContract } from '../test/storage-contract.js';
import { GcsStorage } from './gcs-storage.js';
import { LocalStorage } from './local-storage.js';

describeStorageContract('LocalStorage (paths)', async () => {
  const root = await mkdtemp(join(tmpdir(), 'ctpipe-local-storage-'));
  return { storage: new LocalStorage(), root, cleanup: () => rm(root, { recursive: true, force: true }) };
});

describeStorageContract('LocalStorage (file:// URIs)', async () => {
  const root = await mkdtemp(join(tmpdir(), 'ctpipe local storage %-'));
  return {
    storage: new LocalStorage(),
    root: pathToFileURL(root).href,
    cleanup: () => rm(root, { recursive: true, force: true }),
  };
});

describeStorageContract('GcsStorage (loopback JSON API)', async () => {
  // Pages of 2 items so that every list and glob above goes through pageToken pagination.
  const server = await startFakeGcsServer(inMemoryGcs(2));
  const client = new GcsClient({ apiEndpoint: server.endpoint, projectId: 'test' });
  // A 16-byte threshold sends the larger test objects through resumable sessions, the rest multipart.
  const storage = new GcsStorage({ client, resumableThresholdBytes: 16 });
  return { storage, root: 'gs://contract-bucket/run', cleanup: () => server.close() };
});
