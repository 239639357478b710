import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import type { CoreContext, CoreInputs, CoreResult } from '@ctpipe/contract';
import { openEngine } from '@ctpipe/data';
import { inputFingerprint } from './input-fingerprint.js';
import { planSource } from './source-plan.js';
import type { ExtractSpec } from './spec.js';
import { bucketExpression, parseSplitRatios } from './split.js';
import { writeSplits } from './write-splits.js';

// Spill files and converted inputs live inside the output directory (the only place a core may write)
// and are removed before the runtime publishes it.
const TEMP_DIR = '.ctpipe-tmp';

/** ExampleGen: resolve the span, read the source, split by a stable hash, write Parquet per split. */
export async function extract(
  inputs: CoreInputs<ExtractSpec>,
  ctx: CoreContext,
): Promise<CoreResult<ExtractSpec>> {
  const p = inputs.parameters;
  const { splits, totalBuckets } = parseSplitRatios(p.split_ratios);
  const plan = await planSource(p);
  const outDir = inputs.outputs.examples.path;
  const tempDir = path.join(outDir, TEMP_DIR);
  await mkdir(tempDir, { recursive: true });
  const engine = await openEngine({ tempDir });
  try {
    const table = await plan.source.open(engine, 'extract_source');
    ctx.log.info('reading source', {
      source: plan.description,
      format: table.format,
      span: plan.span,
      files: table.files.length,
      columns: table.columns.length,
    });
    const bucketSql = bucketExpression(table.columns, p.split_key, totalBuckets);
    const counts = await writeSplits(engine, table, splits, bucketSql, outDir, {
      reading: (fraction) => ctx.log.progress('read', Math.round(fraction * 100), 100, '%'),
      written: (rows, total) => ctx.log.progress('write', rows, total, 'rows'),
    });
    const rowCount = Object.values(counts).reduce((a, b) => a + b, 0);
    ctx.log.info('wrote splits', { ...counts });
    return {
      parameters: { span: plan.span, row_count: rowCount },
      metadata: {
        examples: {
          span: plan.span,
          ...(plan.version === undefined ? {} : { version: plan.version }),
          split_names: JSON.stringify(splits.map((s) => s.name)),
          row_counts: counts,
          columns: table.columns.map((c) => ({ name: c.name, type: c.type })),
          source: plan.description,
          format: table.format,
          file_format: 'parquet',
          ...(plan.files.length > 0 ? { input_fingerprint: await inputFingerprint(plan.files) } : {}),
        },
      },
    };
  } finally {
    await engine.close();
    await rm(tempDir, { recursive: true, force: true });
  }
}
