import { defineComponent, type LoadedComponent } from '@ctpipe/contract';
import { CtpipeError } from '@ctpipe/errors';
import { describe, expect, it } from 'vitest';
import { type Condition, definePipeline, type PipelineTask } from './index.js';

const stats = {
  definition: defineComponent({
    name: 'stats',
    description: '',
    inputs: {},
    outputs: {
      parameters: {
        rows: { type: 'NUMBER_INTEGER', description: '' },
        mean: { type: 'NUMBER_DOUBLE', description: '' },
        name: { type: 'STRING', description: '' },
        ok: { type: 'BOOLEAN', description: '' },
        tags: { type: 'LIST', description: '' },
      },
    },
  }),
  implementation: { image: 'x', command: [], args: [] },
  source: 's.yaml',
} satisfies LoadedComponent;

function withTask(fn: (t: PipelineTask<typeof stats.definition>) => unknown): void {
  definePipeline({ name: 'p' }, (b) => {
    fn(b.task(stats));
  });
}

function errorOf(fn: () => unknown): CtpipeError {
  try {
    fn();
  } catch (err) {
    if (err instanceof CtpipeError) return err;
  }
  throw new Error('expected a CtpipeError');
}

// Casts for what the types already forbid, to check the run-time guard behind them.
const anyValue = (value: unknown) => value as never;

describe('conditions', () => {
  it('records comparisons and joins them with and()', () => {
    withTask((t) => {
      const c: Condition = t.outputs.parameters.rows
        .ge(10)
        .and(t.outputs.parameters.mean.lt(t.outputs.parameters.rows));
      expect(
        c.operations.map((o) => [
          o.left.describe(),
          o.operator,
          typeof o.right === 'object' ? o.right.describe() : o.right,
        ]),
      ).toEqual([
        ['stats.outputs.parameters.rows', '>=', 10],
        ['stats.outputs.parameters.mean', '<', 'stats.outputs.parameters.rows'],
      ]);
    });
  });

  it('refuses literals of another kind and lists or structs', () => {
    withTask((t) => {
      expect(errorOf(() => t.outputs.parameters.rows.eq(anyValue('10'))).details.expected).toBe(
        'a number literal',
      );
      expect(errorOf(() => t.outputs.parameters.ok.eq(anyValue(1))).details.expected).toBe(
        'a boolean literal',
      );
      expect(
        errorOf(() => t.outputs.parameters.name.eq(anyValue(t.outputs.parameters.ok))).details.found,
      ).toBe('BOOLEAN');
      expect(errorOf(() => t.outputs.parameters.tags.eq(anyValue([]))).code).toBe('BAD_CONFIG');
      expect(errorOf(() => t.outputs.parameters.mean.gt(Number.NaN)).details.expected).toBe(
        'a finite number',
      );
    });
  });

  it('refuses strings the SDK would write into CEL unescaped', () => {
    withTask((t) => {
      expect(errorOf(() => t.outputs.parameters.name.eq("it's")).code).toBe('BAD_CONFIG');
      expect(errorOf(() => t.outputs.parameters.name.eq('a\\b')).code).toBe('BAD_CONFIG');
    });
  });

  it('refuses a condition on a value its group cannot see', () => {
    const err = errorOf(() =>
      definePipeline({ name: 'p' }, (b) => {
        const t = b.task(stats);
        const inner = b.condition(t.outputs.parameters.ok.eq(true), (c) => c.task(stats));
        b.condition(inner.outputs.parameters.ok.eq(true), (c) => c.task(stats));
      }),
    );
    expect(err.details.found).toBe('condition-1');
  });

  it('refuses a condition without tasks', () => {
    const err = errorOf(() =>
      definePipeline({ name: 'p' }, (b) => {
        const t = b.task(stats);
        b.condition(t.outputs.parameters.ok.eq(true), () => {});
      }),
    );
    expect(err.details).toMatchObject({ condition: 'condition-1', found: 'none' });
  });
});
