import { Storage as GcsClient } from '@google-cloud/storage';
import { describe, expect, it } from 'vitest';
import { GcsStorage } from './gcs-storage.js';
import { LocalStorage } from './local-storage.js';
import { storageFor } from './storage-for.js';

describe('storageFor', () => {
  it('picks the backend by scheme', () => {
    expect(storageFor('/tmp/x')).toBeInstanceOf(LocalStorage);
    expect(storageFor('/gcs/bucket/x')).toBeInstanceOf(LocalStorage); // the FUSE mount is a path
    expect(storageFor('file:///tmp/x')).toBeInstanceOf(LocalStorage);
    expect(storageFor('gs://bucket/x')).toBeInstanceOf(GcsStorage);
  });

  it('hands GCS options, such as a shared client, to GcsStorage', () => {
    const client = new GcsClient({ apiEndpoint: 'http://127.0.0.1:9', projectId: 'test' });
    const storage = storageFor('gs://bucket/x', { gcs: { client } });
    expect((storage as GcsStorage).client).toBe(client);
  });

  it('rejects relative paths and unknown schemes', () => {
    expect(() => storageFor('data/x.csv')).toThrow(expect.objectContaining({ code: 'BAD_INPUT' }));
    expect(() => storageFor('s3://b/k')).toThrow(
      expect.objectContaining({
        code: 'UNSUPPORTED',
        details: expect.objectContaining({ expected: 'one of: absolute path, file://, gs://' }),
      }),
    );
  });
});
