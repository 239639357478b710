import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const MAIN = fileURLToPath(new URL('../dist/main.js', import.meta.url));
const PENGUINS = fileURLToPath(
  new URL('../../../node_modules/vega-datasets/data/penguins.json', import.meta.url),
);

/** The container entry as a process, with an ExecutorInput as the KFP launcher builds it. */
function runEntry(dir: string, parameterValues: Record<string, unknown>) {
  const executorInput = {
    inputs: { parameterValues },
    outputs: {
      parameters: {
        span: { outputFile: join(dir, 'params', 'span') },
        row_count: { outputFile: join(dir, 'params', 'row_count') },
      },
      artifacts: {
        examples: {
          artifacts: [
            {
              name: 'examples',
              type: { schemaTitle: 'system.Dataset', schemaVersion: '0.0.1' },
              uri: `file://${dir}/out/examples`,
              metadata: {},
            },
          ],
        },
      },
      outputFile: join(dir, 'executor_output.json'),
    },
  };
  return spawnSync(process.execPath, [MAIN, '--executor-input', JSON.stringify(executorInput)], {
    encoding: 'utf8',
  });
}

describe('extract container entry (dist/main.js) as a process', () => {
  it('reads the penguins and writes the Examples artifact and the ExecutorOutput', () => {
    const dir = mkdtempSync(join(tmpdir(), 'extract-main-'));
    const result = runEntry(dir, { input_pattern: PENGUINS });
    expect(result.stderr.split('\n').filter((l) => l && !l.includes('"level"'))).toEqual([]);
    expect(result.status).toBe(0);
    const output = JSON.parse(readFileSync(join(dir, 'executor_output.json'), 'utf8'));
    expect(output.parameterValues).toEqual({ span: 0, row_count: 344 });
    const examples = output.artifacts.examples.artifacts[0];
    expect(examples.uri).toBe(`file://${dir}/out/examples`);
    expect(examples.metadata.row_counts.train + examples.metadata.row_counts.eval).toBe(344);
    expect(readdirSync(join(dir, 'out', 'examples')).sort()).toEqual(['Split-eval', 'Split-train']);
  });

  it('exits 2 with a one-line reason naming the file and line; leaves no output behind', () => {
    const dir = mkdtempSync(join(tmpdir(), 'extract-main-'));
    const csv = join(dir, 'bad.csv');
    writeFileSync(csv, 'a,b\n1,2\n3,4\n5,6,7\n');
    const result = runEntry(dir, { input_pattern: csv });
    expect(result.status).toBe(2);
    const reason = result.stderr.split('\n').filter((l) => l.startsWith('extract:'));
    expect(reason).toHaveLength(1);
    expect(reason[0]).toContain(`file=${csv} line=4`);
    expect(existsSync(join(dir, 'executor_output.json'))).toBe(false);
    expect(readdirSync(join(dir, 'out'))).toEqual([]);
  });
});
