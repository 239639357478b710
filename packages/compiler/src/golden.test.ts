import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Pipeline } from '@ctpipe/dsl';
import { validatePipelineSpec } from '@ctpipe/ir';
import { describe, expect, it } from 'vitest';
import { type CompileOptions, compilePipeline, serializePipelineSpec } from './index.js';

// Pairs as in KFP's test_data: <case>.pipeline.ts (DSL) + <case>.pipeline.json (expected pipeline.json).
// `npm run golden:update -w @ctpipe/compiler` rewrites the json files from the sources.
const GOLDEN = fileURLToPath(new URL('../test/golden/', import.meta.url));
const UPDATE = process.env.GOLDEN_UPDATE === '1';
const cases = readdirSync(GOLDEN)
  .filter((f) => f.endsWith('.pipeline.ts'))
  .map((f) => f.replace(/\.pipeline\.ts$/, ''));

describe('golden pipelines', () => {
  it('has the required cases', () => {
    expect(cases).toEqual(
      expect.arrayContaining(['two-step', 'nested-conditions', 'task-settings', 'after', 'resolver']),
    );
  });

  it.each(cases)('%s compiles to its pipeline.json', async (name) => {
    const mod = (await import(pathToFileURL(join(GOLDEN, `${name}.pipeline.ts`)).href)) as {
      pipeline: Pipeline;
      options?: CompileOptions;
    };
    const text = serializePipelineSpec(compilePipeline(mod.pipeline, mod.options));
    const file = join(GOLDEN, `${name}.pipeline.json`);
    if (UPDATE) writeFileSync(file, text);
    expect(text).toBe(readFileSync(file, 'utf8'));
    const validation = validatePipelineSpec(JSON.parse(text));
    expect(validation.ok ? [] : validation.problems).toEqual([]);
  });
});
