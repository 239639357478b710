import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCliOptions } from './cli-options.js';

describe('parseCliOptions', () => {
  it('serves <base>/<model> on 127.0.0.1:8501 with the defaults', () => {
    const cli = parseCliOptions(['--base', '/srv/models', '--model', 'penguin'], {});
    expect(cli).toEqual({
      kind: 'serve',
      port: 8501,
      host: '127.0.0.1',
      server: {
        modelBasePath: path.join('/srv/models', 'penguin'),
        modelName: 'penguin',
        versionPolicy: { kind: 'latest', numVersions: 1 },
        pollIntervalMs: 1000,
        batching: { maxBatchSize: 128, batchTimeoutMicros: 0, maxEnqueuedBatches: 10 },
        rollback: { maxErrorRate: 0.05, minRequests: 20 },
        maxBodyBytes: 1572864,
      },
    });
  });

  it('reads the flags', () => {
    const cli = parseCliOptions(
      [
        '--model-base-path',
        'gs://bucket/models/penguin',
        '--port',
        '9000',
        '--host',
        '0.0.0.0',
        '--poll-seconds',
        '0.5',
        '--version-policy',
        'specific:1,2',
        '--batching',
        'off',
        '--rollback-error-rate',
        'off',
        '--request-log-dir',
        '/tmp/log',
        '--request-log-sample',
        '0.5',
        '--request-log-rotate-seconds',
        '2.5',
      ],
      {},
    );
    expect(cli.kind === 'serve' && cli.server).toMatchObject({
      modelBasePath: 'gs://bucket/models/penguin',
      modelName: 'penguin',
      versionPolicy: { kind: 'specific', versions: [1, 2] },
      pollIntervalMs: 500,
      batching: false,
      rollback: false,
      requestLog: { dir: '/tmp/log', sampleRate: 0.5, maxFileAgeMs: 2500 },
    });
    expect(cli.kind === 'serve' && [cli.host, cli.port]).toEqual(['0.0.0.0', 9000]);
  });

  it("takes Vertex AI's environment: port, routes, storage URI, and listens on all interfaces", () => {
    const cli = parseCliOptions([], {
      AIP_HTTP_PORT: '8080',
      AIP_HEALTH_ROUTE: '/v1/endpoints/1/deployedModels/2',
      AIP_PREDICT_ROUTE: '/v1/endpoints/1/deployedModels/2:predict',
      AIP_STORAGE_URI: 'gs://vertex-copy/model',
    });
    expect(cli).toMatchObject({
      kind: 'serve',
      port: 8080,
      host: '0.0.0.0',
      server: {
        modelBasePath: 'gs://vertex-copy/model',
        modelName: 'model',
        vertex: {
          healthRoute: '/v1/endpoints/1/deployedModels/2',
          predictRoute: '/v1/endpoints/1/deployedModels/2:predict',
        },
      },
    });
  });

  it('names the model from MODEL_NAME, as push sets it on a Vertex model (TF Serving image convention)', () => {
    const cli = parseCliOptions([], { AIP_STORAGE_URI: 'gs://vertex-copy/model', MODEL_NAME: 'penguins' });
    expect(cli.kind === 'serve' && cli.server.modelName).toBe('penguins');
  });

  it('refuses bad values with BAD_CONFIG naming the flag', () => {
    expect(() => parseCliOptions([], {})).toThrow(/no model to serve/);
    expect(() => parseCliOptions(['--base', '/x'], {})).toThrow(/--base needs --model/);
    expect(() => parseCliOptions(['--base', '/x', '--model', 'm', '--port', 'http'], {})).toThrow(
      /--port http/,
    );
    expect(() => parseCliOptions(['--base', '/x', '--model', 'm', '--version-policy', 'newest'], {})).toThrow(
      /--version-policy newest/,
    );
    expect(() => parseCliOptions(['--bogus'], {})).toThrow(expect.objectContaining({ code: 'BAD_CONFIG' }));
  });

  it('prints help from the flag table', () => {
    const cli = parseCliOptions(['--help'], {});
    expect(cli.kind === 'help' && cli.text).toContain('--batch-timeout-micros');
  });
});
