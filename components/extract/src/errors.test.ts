import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { CoreInputs } from '@ctpipe/contract';
import { CtpipeError } from '@ctpipe/errors';
import { testContext } from '@ctpipe/testing/core-context';
import { penguinsJsonPath } from '@ctpipe/testing/penguins';
import { describe, expect, it } from 'vitest';
import { extractInputs, FIXTURES } from '../test/context.js';
import { extract } from './core.js';
import type { ExtractSpec } from './spec.js';

async function failure(parameters: Partial<CoreInputs<ExtractSpec>['parameters']>): Promise<CtpipeError> {
  const err = await extract(await extractInputs(parameters), testContext()).catch((e: unknown) => e);
  if (!(err instanceof CtpipeError)) throw new Error(`expected a CtpipeError, got ${String(err)}`);
  return err;
}

describe('extract errors say what to fix', () => {
  it('a malformed CSV row → BAD_INPUT with file and line', async () => {
    const file = path.join(FIXTURES, 'malformed.csv');
    const err = await failure({ input_pattern: file });
    expect(err.code).toBe('BAD_INPUT');
    expect(err.details).toMatchObject({ file, line: 3, expected: '2 columns', found: '3 columns' });
  });

  it('an unknown file type → UNSUPPORTED naming the file', async () => {
    const file = path.join(FIXTURES, 'sample.data');
    const err = await failure({ input_pattern: file });
    expect(err.code).toBe('UNSUPPORTED');
    expect(err.details.file).toBe(file);
    expect(err.message).toMatch(/\.csv.*\.parquet/);
  });

  it('an explicit source_format reads a file whatever its extension', async () => {
    const result = await extract(
      await extractInputs({
        input_pattern: path.join(FIXTURES, 'spans/span-2/part-0.csv'),
        source_format: 'csv',
      }),
      testContext(),
    );
    expect(result.parameters.row_count).toBe(2);
  });

  it('a missing file → NOT_FOUND naming it', async () => {
    const file = path.join(FIXTURES, 'no-such.csv');
    const err = await failure({ input_pattern: file });
    expect(err).toMatchObject({ code: 'NOT_FOUND', details: { path: file } });
  });

  it('bad parameters → BAD_CONFIG', async () => {
    expect(await failure({ input_pattern: '' })).toMatchObject({
      code: 'BAD_CONFIG',
      details: { path: 'input_pattern' },
    });
    expect(await failure({ input_pattern: penguinsJsonPath(), source_format: 'xlsx' })).toMatchObject({
      code: 'BAD_CONFIG',
      details: { path: 'source_format' },
    });
    expect(await failure({ input_pattern: penguinsJsonPath(), split_key: 'island' })).toMatchObject({
      code: 'BAD_CONFIG',
      details: { path: 'split_key' },
    });
    expect(
      await failure({ input_pattern: penguinsJsonPath(), split_ratios: { train: 0.8, eval: 0.2 } }),
    ).toMatchObject({
      code: 'BAD_CONFIG',
    });
    expect(await failure({ source_format: 'bigquery', bigquery_query: 'SELECT 1' })).toMatchObject({
      code: 'BAD_CONFIG',
      details: { path: 'bigquery_project' },
    });
    expect(
      await failure({ bigquery_query: 'SELECT * FROM t WHERE span = {SPAN}', bigquery_project: 'p' }),
    ).toMatchObject({ code: 'BAD_CONFIG', details: { path: 'span' } });
  });

  it('BigQuery without credentials → UNAVAILABLE, and nothing is sent', async () => {
    const saved = { ...process.env };
    const home = await mkdtemp(path.join(os.tmpdir(), 'ctpipe-no-gcloud-'));
    // No key file, no gcloud login under HOME, no metadata-server probe: credential lookup fails locally.
    delete process.env.GOOGLE_APPLICATION_CREDENTIALS;
    process.env.HOME = home;
    process.env.CLOUDSDK_CONFIG = path.join(home, 'gcloud');
    process.env.METADATA_SERVER_DETECTION = 'none';
    try {
      const err = await failure({ bigquery_query: 'SELECT 1 AS x', bigquery_project: 'some-project' });
      expect(err.code).toBe('UNAVAILABLE');
      expect(err.message).toMatch(/^BigQuery: no credentials/);
    } finally {
      process.env = saved;
      await rm(home, { recursive: true });
    }
  });
});
