import { describe, expect, it } from 'vitest';
import { localPathToUri, schemeOf, uriToLocalPath } from './uri.js';

describe('uriToLocalPath (KFP mapping)', () => {
  it.each([
    ['gs://bucket/pipeline/run/task/model', '/gcs/bucket/pipeline/run/task/model'],
    ['minio://mlpipeline/v2/artifacts/x', '/minio/mlpipeline/v2/artifacts/x'],
    ['s3://b/k/', '/s3/b/k/'],
    ['gs://bucket', '/gcs/bucket'],
    ['file:///tmp/run/model', '/tmp/run/model'],
    ['file://localhost/tmp/x', '/tmp/x'],
    ['file:///tmp/a%20b/c%25d', '/tmp/a b/c%d'],
    ['/tmp/already/local', '/tmp/already/local'],
  ])('%s → %s', (uri, path) => {
    expect(uriToLocalPath(uri)).toBe(path);
  });

  it('rejects relative paths and URIs without a bucket as BAD_INPUT', () => {
    for (const bad of ['relative/path', './x', 'gs://', 'gs:///key', 'file://host/x', 'file:///bad%zz']) {
      expect(() => uriToLocalPath(bad), bad).toThrow(expect.objectContaining({ code: 'BAD_INPUT' }));
    }
  });

  it('rejects schemes with no local mount as UNSUPPORTED', () => {
    expect(() => uriToLocalPath('https://example.com/x')).toThrow(
      expect.objectContaining({
        code: 'UNSUPPORTED',
        details: expect.objectContaining({ found: 'https://' }),
      }),
    );
  });
});

describe('localPathToUri', () => {
  it.each([
    ['/gcs/bucket/a/b', 'gs://bucket/a/b'],
    ['/minio/mlpipeline/x', 'minio://mlpipeline/x'],
    ['/s3/b/k', 's3://b/k'],
    ['/gcsfoo/not/a/mount', '/gcsfoo/not/a/mount'],
    ['/tmp/x', '/tmp/x'],
  ])('%s → %s', (path, uri) => {
    expect(localPathToUri(path)).toBe(uri);
  });

  it('round-trips with uriToLocalPath for every mounted scheme', () => {
    for (const uri of ['gs://b/k/x.json', 'minio://b/k', 's3://b/deep/k']) {
      expect(localPathToUri(uriToLocalPath(uri))).toBe(uri);
    }
  });

  it('rejects relative paths and a mount root without a bucket', () => {
    expect(() => localPathToUri('gcs/b/k')).toThrow(expect.objectContaining({ code: 'BAD_INPUT' }));
    expect(() => localPathToUri('/gcs/')).toThrow(expect.objectContaining({ code: 'BAD_INPUT' }));
  });
});

describe('schemeOf', () => {
  it('lower-cases the scheme and is undefined for paths', () => {
    expect(schemeOf('GS://b/k')).toBe('gs');
    expect(schemeOf('/tmp/x')).toBeUndefined();
    expect(schemeOf('C:/windows')).toBeUndefined();
  });
});
