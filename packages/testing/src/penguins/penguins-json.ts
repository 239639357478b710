import { createRequire } from 'node:module';
import path from 'node:path';

/** vega-datasets' penguins (344 rows, 7 columns, some NULLs); the package exports no data subpaths. */
export function penguinsJsonPath(): string {
  const main = createRequire(import.meta.url).resolve('vega-datasets');
  return path.join(path.dirname(main), '..', 'data', 'penguins.json');
}
