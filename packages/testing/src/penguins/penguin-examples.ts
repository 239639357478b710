import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import type { InputArtifact } from '@ctpipe/contract';
import { openEngine, quoteLiteral } from '@ctpipe/data';
import { artifactType } from '@ctpipe/ir';
import { penguinsJsonPath } from './penguins-json.js';

const SPLITS = [
  ['train', 'rn % 3 <> 0'],
  ['eval', 'rn % 3 = 0'],
] as const;

/**
 * Writes extract's layout (`Split-train` / `Split-eval`, each `data_0.parquet`) under `dir` from a SELECT over the
 * penguins — a view `penguins` with a row number `rn` in file order. Rows with rn % 3 = 0 go to eval, the others to
 * train (2:1), each in file order. `select` may change columns; it must read `FROM penguins` exactly once, where
 * the split's filter is put.
 */
export async function writeRawPenguins(
  dir: string,
  select = 'SELECT * EXCLUDE (rn) FROM penguins',
): Promise<void> {
  const engine = await openEngine({ threads: 1 });
  try {
    await engine.run(
      `CREATE VIEW penguins AS SELECT *, row_number() OVER () AS rn FROM read_json(${quoteLiteral(penguinsJsonPath())})`,
    );
    for (const [split, keep] of SPLITS) {
      await mkdir(path.join(dir, `Split-${split}`), { recursive: true });
      const file = path.join(dir, `Split-${split}`, 'data_0.parquet');
      const query = select.replace('FROM penguins', `FROM penguins WHERE ${keep}`);
      await engine.run(`COPY (${query} ORDER BY rn) TO ${quoteLiteral(file)} (FORMAT parquet)`);
    }
  } finally {
    await engine.close();
  }
}

/** {@link writeRawPenguins} into `dir`, returned as the Examples artifact extract would hand on for `span`. */
export async function writePenguinExamples(
  dir: string,
  options: { select?: string; span: number },
): Promise<InputArtifact> {
  await writeRawPenguins(dir, options.select);
  return {
    type: artifactType('system.Dataset'),
    uri: dir,
    path: dir,
    metadata: { split_names: '["train","eval"]', span: options.span },
  };
}
