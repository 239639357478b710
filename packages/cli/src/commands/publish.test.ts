import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exitCodeFor } from '@ctpipe/errors';
import { withoutGoogleCredentials } from '@ctpipe/testing';
import { describe, expect, it } from 'vitest';
import { publishCommand } from './publish.js';

const out = { write: () => true } as unknown as NodeJS.WritableStream;

describe('ctpipe publish', () => {
  withoutGoogleCredentials();

  it('without Google credentials says so and fails with a non-zero exit code', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'publish-cli-')), 'pipeline.json');
    writeFileSync(file, '{}');
    const attempt = publishCommand(
      [
        '--host',
        'https://europe-west4-kfp.pkg.dev/proj/pipelines',
        '--file',
        file,
        '--tag',
        'abc',
        '--tag',
        'latest',
      ],
      out,
    );
    await expect(attempt).rejects.toMatchObject({
      code: 'UNAVAILABLE',
      message: expect.stringMatching(/^Artifact Registry: no Google credentials found/),
    });
    expect(exitCodeFor('UNAVAILABLE')).not.toBe(0);
  });

  it('needs --host and refuses one that is not a KFP repository', async () => {
    await expect(publishCommand(['--file', 'x.json'], out)).rejects.toMatchObject({ code: 'BAD_INPUT' });
    await expect(
      publishCommand(['--host', 'https://example.com/x', '--tag', 'a'], out),
    ).rejects.toMatchObject({
      code: 'BAD_INPUT',
      details: { found: 'https://example.com/x' },
    });
  });
});
