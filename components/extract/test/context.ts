import { mkdtemp, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import type { CoreContext, CoreInputs } from '@ctpipe/contract';
import { artifactType } from '@ctpipe/ir';
import { onTestFinished } from 'vitest';
import type { ExtractSpec } from '../src/spec.js';

export const FIXTURES = path.join(import.meta.dirname, 'fixtures');

export interface RecordedLog {
  level: 'info' | 'warn' | 'progress';
  message: string;
  fields?: Record<string, unknown>;
}

/** A CoreContext that records what the core logs, with a pinned clock and randomness. */
export function testContext(): CoreContext & { logs: RecordedLog[] } {
  const logs: RecordedLog[] = [];
  return {
    logs,
    log: {
      info: (message, fields) => logs.push({ level: 'info', message, ...(fields ? { fields } : {}) }),
      warn: (message, fields) => logs.push({ level: 'warn', message, ...(fields ? { fields } : {}) }),
      progress: (step, done, total, unit) =>
        logs.push({ level: 'progress', message: step, fields: { done, total, unit } }),
    },
    now: () => new Date('2025-01-01T00:00:00Z'),
    random: () => 0.5,
  };
}

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

/** vega-datasets' penguins (344 rows, 7 columns, some NULLs); the package exports no data subpaths. */
export function penguinsJsonPath(): string {
  const main = createRequire(import.meta.url).resolve('vega-datasets');
  return path.join(path.dirname(main), '..', 'data', 'penguins.json');
}
