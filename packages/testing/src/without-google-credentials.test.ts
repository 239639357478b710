import { afterAll, describe, expect, it } from 'vitest';
import { withoutGoogleCredentials } from './without-google-credentials.js';

describe('withoutGoogleCredentials', () => {
  const before = { ...process.env };
  process.env.GOOGLE_APPLICATION_CREDENTIALS = '/keys/ci.json';

  describe('inside the block', () => {
    withoutGoogleCredentials();
    it('removes the key file, points gcloud at an empty directory and turns off the metadata probe', () => {
      expect(process.env.GOOGLE_APPLICATION_CREDENTIALS).toBeUndefined();
      expect(process.env.CLOUDSDK_CONFIG).toMatch(/no-gcloud-/);
      expect(process.env.METADATA_SERVER_DETECTION).toBe('none');
      process.env.CTPIPE_SET_INSIDE = 'yes';
    });
  });

  it('restores the environment afterwards', () => {
    expect(process.env.GOOGLE_APPLICATION_CREDENTIALS).toBe('/keys/ci.json');
    expect(process.env.CLOUDSDK_CONFIG).toBe(before.CLOUDSDK_CONFIG);
    expect(process.env.METADATA_SERVER_DETECTION).toBe(before.METADATA_SERVER_DETECTION);
    expect(process.env.CTPIPE_SET_INSIDE).toBeUndefined();
  });

  afterAll(() => {
    delete process.env.GOOGLE_APPLICATION_CREDENTIALS;
    Object.assign(process.env, before);
  });
});
