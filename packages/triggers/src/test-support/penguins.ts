import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fileSource, openEngine } from '@ctpipe/data';
import { computeStatistics, inferSchema, type Schema, withDefaultComparators } from '@ctpipe/data-validation';

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../../..');
export const PENGUINS_FILE = join(REPO_ROOT, 'node_modules/vega-datasets/data/penguins.json');

export type Row = Record<string, string | number | null>;
export const penguins = (): Row[] => JSON.parse(readFileSync(PENGUINS_FILE, 'utf8')) as Row[];

/**
 * validate's outputs for the penguins as the training data: `<dir>/statistics/Split-train/FeatureStats.json` and
 * `<dir>/schema/schema.json` (inferred, with validate's default 0.1 comparators unless `comparators` is false).
 */
export async function writeTrainingArtifacts(
  dir: string,
  comparators = true,
): Promise<{ statistics: string; schema: string }> {
  const engine = await openEngine();
  try {
    const table = await fileSource(PENGUINS_FILE).open(engine, 'train');
    const list = await computeStatistics(engine, [{ name: 'train', source: table.ref }]);
    const statistics = join(dir, 'statistics');
    mkdirSync(join(statistics, 'Split-train'), { recursive: true });
    writeFileSync(join(statistics, 'Split-train', 'FeatureStats.json'), JSON.stringify(list));
    const train = list.datasets[0];
    if (!train) throw new Error('no statistics');
    let schema: Schema = inferSchema(train);
    if (comparators) schema = withDefaultComparators(schema);
    const schemaDir = join(dir, 'schema');
    mkdirSync(schemaDir, { recursive: true });
    writeFileSync(join(schemaDir, 'schema.json'), JSON.stringify(schema));
    return { statistics, schema: schemaDir };
  } finally {
    await engine.close();
  }
}

/** A rotated request-log file: raw feature rows (the label dropped, as serving logs them). */
export function writeRequestFile(dir: string, name: string, rows: readonly Row[]): void {
  mkdirSync(dir, { recursive: true });
  const text = rows.map(({ Species: _label, ...features }) => `${JSON.stringify(features)}\n`).join('');
  writeFileSync(join(dir, name), text);
}
