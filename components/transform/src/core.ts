import { createHash } from 'node:crypto';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CoreContext, CoreInputs, CoreResult } from '@ctpipe/contract';
import { type Column, examplesSplitNames, openEngine, quoteLiteral } from '@ctpipe/data';
import { CtpipeError } from '@ctpipe/errors';
import {
  checkRawColumns,
  type PreprocessingSpec,
  serializeTransformGraph,
  type TransformGraph,
} from '@ctpipe/preprocessing';
import { analyzeTransform, duckDbColumns } from '@ctpipe/preprocessing/analyze';
import { ColumnarSession } from './columnar-session.js';
import { loadPreprocessingModule } from './load-module.js';
import { schemaColumns } from './schema-columns.js';
import type { TransformSpec } from './spec.js';

import { transformSplit } from './transform-split.js';

// DuckDB's spill files and scratch database live inside an output directory (the only place a core may
// write) and are removed before the runtime publishes it.
const TEMP_DIR = '.ctpipe-tmp';
export const GRAPH_FILE = 'transform_graph.json';

interface SplitInfo {
  name: string;
  relation: string;
  columns: Column[];
  rows: number;
}

/** Transform: analyze one split, write the TransformGraph, then transform every split to Parquet. */
export async function transform(
  inputs: CoreInputs<TransformSpec>,
  ctx: CoreContext,
): Promise<CoreResult<TransformSpec>> {
  const p = inputs.parameters;
  const { examples, schema } = inputs.artifacts;
  const out = inputs.outputs;
  const spec = await loadPreprocessingModule(p.module_file);
  const names = await examplesSplitNames(examples.path, examples.metadata.split_names);
  if (!names.includes(p.analyze_split)) {
    throw new CtpipeError('BAD_CONFIG', `analyze_split '${p.analyze_split}' is not a split of the Examples`, {
      details: { expected: names.join(' | '), found: p.analyze_split },
    });
  }
  if (schema) checkRawColumns(spec, await schemaColumns(schema.path), 'the schema');

  const tempDir = join(out.transformed_examples.path, TEMP_DIR);
  await mkdir(tempDir, { recursive: true });
  try {
    const { graph, splits } = await analyze(spec, examples.path, names, p.analyze_split, tempDir);
    const graphText = serializeTransformGraph(graph);
    await writeFile(join(out.transform_graph.path, GRAPH_FILE), graphText);
    ctx.log.info('analyzed', {
      split: p.analyze_split,
      rows: graph.analyzers.rowCount,
      features: graph.outputs.features.length,
      feature_columns: graph.outputs.featureColumns.length,
    });

    const rowCounts = await transformSplits(spec, graph, splits, out.transformed_examples.path, tempDir, ctx);
    ctx.log.info('transformed', rowCounts);
    return {
      parameters: { feature_count: graph.outputs.featureColumns.length },
      metadata: {
        transform_graph: {
          analyze_split: p.analyze_split,
          analyzed_rows: graph.analyzers.rowCount,
          feature_columns: graph.outputs.featureColumns.length,
          // Content identity: the same graph from a rerun is recognisably the same.
          digest: createHash('sha256').update(graphText).digest('hex'),
        },
        transformed_examples: {
          split_names: JSON.stringify(names),
          row_counts: rowCounts,
          feature_columns: graph.outputs.featureColumns.length,
          label: graph.outputs.label?.kind ?? 'none',
          file_format: 'parquet',
          ...(examples.metadata.span === undefined ? {} : { span: examples.metadata.span }),
        },
      },
    };
  } finally {
    await rm(tempDir, { recursive: true, force: true });
  }
}

async function analyze(
  spec: PreprocessingSpec,
  examplesDir: string,
  names: readonly string[],
  analyzeSplit: string,
  tempDir: string,
): Promise<{ graph: TransformGraph; splits: SplitInfo[] }> {
  const engine = await openEngine({ tempDir: join(tempDir, 'analyze') });
  try {
    const splits: SplitInfo[] = [];
    for (const name of names) {
      const relation = `read_parquet(${quoteLiteral(join(examplesDir, `Split-${name}`, '*.parquet'))})`;
      const columns = await engine.describe(`SELECT * FROM ${relation}`);
      const [count] = await engine.query(`SELECT count(*) AS n FROM ${relation}`);
      splits.push({ name, relation, columns, rows: Number(count?.n ?? 0) });
    }
    const analyzed = splits.find((s) => s.name === analyzeSplit)!;
    const graph = await analyzeTransform(engine, spec, {
      relation: analyzed.relation,
      columns: analyzed.columns,
      description: `the ${analyzeSplit} split`,
    });
    return { graph, splits };
  } finally {
    await engine.close();
  }
}

async function transformSplits(
  spec: PreprocessingSpec,
  graph: TransformGraph,
  splits: readonly SplitInfo[],
  outDir: string,
  tempDir: string,
  ctx: CoreContext,
): Promise<Record<string, number>> {
  const session = await ColumnarSession.open(tempDir);
  const rowCounts: Record<string, number> = {};
  try {
    for (const [i, split] of splits.entries()) {
      // Every split must carry the columns the graph reads, with the same types as the analyzed one.
      const { rawFeatures, label } = checkRawColumns(
        spec,
        duckDbColumns(split.columns),
        `the ${split.name} split`,
      );
      const dir = join(outDir, `Split-${split.name}`);
      await mkdir(dir, { recursive: true });
      rowCounts[split.name] = await transformSplit(
        session,
        graph,
        {
          split: split.name,
          relation: split.relation,
          columns: label ? [...rawFeatures, label] : rawFeatures,
          file: join(dir, 'data_0.parquet'),
          onRows: (done) => ctx.log.progress(`transform ${split.name}`, done, split.rows, 'rows'),
        },
        `transformed_${i}`,
      );
    }
  } finally {
    session.close();
  }
  return rowCounts;
}
