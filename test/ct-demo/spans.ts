import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { PENGUINS } from '../helpers.js';

export type Penguin = Record<string, string | number | null>;

export function penguins(): Penguin[] {
  return JSON.parse(readFileSync(PENGUINS, 'utf8')) as Penguin[];
}

/**
 * Span 1: two thirds of the penguins (every row but each third). Span 2: all of them, so it is new data from
 * the same distribution; the split hashes whole rows, so span 1's eval rows are in span 2's eval split and the
 * baseline model never trained on any of span 2's eval rows.
 */
export function spanOne(): Penguin[] {
  return penguins().filter((_, i) => i % 3 !== 2);
}

export function spanTwo(): Penguin[] {
  return penguins();
}

/** Span 3: a broken export: the flipper column arrives as text with units. */
export function corruptedSpan(): Penguin[] {
  return penguins().map((p) => ({
    ...p,
    'Flipper Length (mm)': p['Flipper Length (mm)'] === null ? null : `${p['Flipper Length (mm)']} mm`,
  }));
}

/**
 * Writes `<source>/span-<n>/penguins.json` the way a careful producer does: into a hidden temp name first,
 * then renamed, so the trigger never sees half a file.
 */
export function dropSpan(source: string, span: number, rows: Penguin[]): string {
  const dir = join(source, `span-${span}`);
  mkdirSync(dir, { recursive: true });
  const file = join(dir, 'penguins.json');
  writeFileSync(join(dir, '.penguins.json.tmp'), JSON.stringify(rows));
  renameSync(join(dir, '.penguins.json.tmp'), file);
  return file;
}

/** Serving traffic far from the training data: heavy penguins with long flippers, all on one island. */
export function skewedInstances(count: number): Penguin[] {
  const rows = penguins().filter((p) => p['Body Mass (g)'] !== null && p['Flipper Length (mm)'] !== null);
  return Array.from({ length: count }, (_, i) => {
    const p = rows[i % rows.length]!;
    const { Species: _species, ...features } = p;
    return {
      ...features,
      Island: 'Biscoe',
      'Body Mass (g)': Number(p['Body Mass (g)']) + 2500,
      'Flipper Length (mm)': Number(p['Flipper Length (mm)']) + 45,
    };
  });
}

/**
 * A settings.yaml in `dir` for the CT pipeline on spans dropped under `dir/source/span-<n>/penguins.json`, with
 * `extra` (YAML lines indented under `defaults:`) for the test's own parameters, serving and triggers blocks.
 */
export function spanSettings(dir: string, env: string, extra: string): string {
  const file = join(dir, 'settings.yaml');
  writeFileSync(
    file,
    `defaults:
  pipeline_root: root
  metadata_db: metadata.sqlite
  parameters:
    input_pattern: source/span-{SPAN}/penguins.json
    serving_base_path: serving
    model_name: penguins
${extra}
environments:
  ${env}: {}
`,
  );
  return file;
}
