import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CtpipeError } from '@ctpipe/errors';
import { describe, expect, it, vi } from 'vitest';
import type { ComponentCore } from './core-types.js';
import { defineComponent } from './definition.js';
import { executeComponent } from './run-component.js';

const spec = defineComponent({
  name: 'double',
  description: 'doubles a number and writes it to a dataset',
  inputs: {
    parameters: {
      n: { type: 'NUMBER_INTEGER', description: 'the number' },
      label: { type: 'STRING', description: 'a label', default: 'x' },
    },
  },
  outputs: {
    parameters: { doubled: { type: 'NUMBER_INTEGER', description: 'n * 2' } },
    artifacts: { data: { type: 'system.Dataset', description: 'a file with the result' } },
  },
});

function executorInput(dir: string, parameterValues: Record<string, unknown>) {
  return JSON.stringify({
    inputs: { parameterValues },
    outputs: {
      parameters: { doubled: { outputFile: join(dir, 'params', 'doubled') } },
      artifacts: {
        data: {
          artifacts: [
            { name: 'data', type: { schemaTitle: 'system.Dataset' }, uri: join(dir, 'root', 'data') },
          ],
        },
      },
      outputFile: join(dir, 'executor_output.json'),
    },
  });
}

const quiet = { info() {}, warn() {}, progress() {} };

describe('executeComponent', () => {
  it('passes typed inputs, publishes the artifact and writes ExecutorOutput last', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'contract-'));
    const core: ComponentCore<typeof spec> = async (inputs) => {
      expect(inputs.parameters.label).toBe('x');
      expect(inputs.outputs.data.path).not.toBe(join(dir, 'root', 'data'));
      await writeFile(join(inputs.outputs.data.path, 'value.txt'), String(inputs.parameters.n * 2));
      return { parameters: { doubled: inputs.parameters.n * 2 }, metadata: { data: { rows: 1 } } };
    };
    // Vertex hands integers over as doubles: 21.0 must arrive as the integer 21.
    const code = await executeComponent(spec, core, {
      argv: ['--executor-input', executorInput(dir, { n: 21.0 })],
      logger: quiet,
    });
    expect(code).toBe(0);
    expect(readFileSync(join(dir, 'root', 'data', 'value.txt'), 'utf8')).toBe('42');
    const output = JSON.parse(readFileSync(join(dir, 'executor_output.json'), 'utf8'));
    expect(output).toEqual({
      parameterValues: { doubled: 42 },
      artifacts: {
        data: { artifacts: [{ name: 'data', uri: join(dir, 'root', 'data'), metadata: { rows: 1 } }] },
      },
    });
    expect(readdirSync(join(dir, 'root'))).toEqual(['data']);
  });

  it('a failing core leaves no artifact, no executor output and exits with the code of its error', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'contract-'));
    const lines: string[] = [];
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((s) => lines.push(String(s)) > 0);
    const core: ComponentCore<typeof spec> = async (inputs) => {
      await mkdir(join(inputs.outputs.data.path, 'part'), { recursive: true });
      await writeFile(join(inputs.outputs.data.path, 'part', 'half.txt'), 'half');
      throw new CtpipeError('BAD_INPUT', 'row 3 is broken', { details: { file: 'a.csv', line: 3 } });
    };
    const code = await executeComponent(spec, core, {
      argv: ['--executor-input', executorInput(dir, { n: 1 })],
      logger: quiet,
    });
    stderr.mockRestore();
    expect(code).toBe(2);
    expect(lines).toEqual(['double: BAD_INPUT: row 3 is broken (file=a.csv line=3)\n']);
    expect(existsSync(join(dir, 'executor_output.json'))).toBe(false);
    expect(existsSync(join(dir, 'root', 'data'))).toBe(false);
    expect(readdirSync(join(dir, 'root'))).toEqual([]);
  });

  it('rejects an ExecutorInput whose parameter has the wrong type, naming the path', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'contract-'));
    const lines: string[] = [];
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation((s) => lines.push(String(s)) > 0);
    const core = vi.fn();
    const code = await executeComponent(spec, core, {
      argv: ['--executor-input', executorInput(dir, { n: 'seven' })],
      logger: quiet,
    });
    stderr.mockRestore();
    expect(code).toBe(6);
    expect(core).not.toHaveBeenCalled();
    expect(lines.join('')).toContain(
      'expected NUMBER_INTEGER, got "seven" (path=$.inputs.parameterValues.n)',
    );
  });

  it('exits non-zero with usage when no ExecutorInput is given', async () => {
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const code = await executeComponent(spec, vi.fn(), { argv: [], logger: quiet });
    stderr.mockRestore();
    expect(code).toBe(6);
  });

  it('--pre-cache-check runs only the resolver and writes the parameters it may set', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'contract-'));
    const resolving = { ...spec, resolvesBeforeCache: ['label'] } as const;
    const core = vi.fn();
    const argv = ['--pre-cache-check', '--executor-input', executorInput(dir, { n: 2 })];
    const code = await executeComponent(resolving, core, {
      argv,
      logger: quiet,
      preCacheCheck: async (p) => ({ label: `n-is-${p.n}` }),
    });
    expect(code).toBe(0);
    expect(core).not.toHaveBeenCalled();
    expect(JSON.parse(readFileSync(join(dir, 'executor_output.json'), 'utf8'))).toEqual({
      parameterValues: { label: 'n-is-2' },
    });
    expect(existsSync(join(dir, 'root'))).toBe(false);
  });

  it('a pre-cache check may not set inputs outside resolvesBeforeCache', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'contract-'));
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const code = await executeComponent({ ...spec, resolvesBeforeCache: ['label'] }, vi.fn(), {
      argv: ['--pre-cache-check', '--executor-input', executorInput(dir, { n: 2 })],
      logger: quiet,
      preCacheCheck: async () => ({ n: 5 }),
    });
    stderr.mockRestore();
    expect(code).toBe(1);
    expect(existsSync(join(dir, 'executor_output.json'))).toBe(false);
  });
});
