import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { CoreInputs } from '@ctpipe/contract';
import { artifactType } from '@ctpipe/ir';
import { onTestFinished } from 'vitest';
import type { ExtractSpec } from '../src/spec.js';

export const FIXTURES = path.join(import.meta.dirname, 'fixtures');

/** Inputs with the spec's defaults, the given parameters, and an output directory removed after the test. */
export async function extractInputs(
  parameters: Partial<CoreInputs<ExtractSpec>['parameters']>,
): Promise<CoreInputs<ExtractSpec>> {
  const root = await mkdtemp(path.join(os.tmpdir(), 'ctpipe-extract-'));
  onTestFinished(() => rm(root, { recursive: true, force: true }));
  const out = path.join(root, 'examples');
  return {
    parameters: {
      input_pattern: '',
      source_format: 'auto',
      bigquery_query: '',
      bigquery_project: '',
      bigquery_location: '',
      span: -1,
      input_fingerprint: '',
      split_key: '',
      split_ratios: { train: 2, eval: 1 },
      ...parameters,
    },
    artifacts: {},
    outputs: { examples: { uri: out, path: out, type: artifactType('system.Dataset') } },
  };
}
