import { defineComponent, type LoadedComponent } from '@ctpipe/contract';
import { CtpipeError } from '@ctpipe/errors';
import { describe, expect, it } from 'vitest';
import { definePipeline } from './index.js';

const hello = {
  definition: defineComponent({
    name: 'Say Hello!',
    description: '',
    inputs: { parameters: { who: { type: 'STRING', description: '', default: 'world' } } },
    outputs: { parameters: { said: { type: 'STRING', description: '' } } },
  }),
  implementation: { image: 'alpine', command: ['echo'], args: [{ inputValue: 'who' }] },
  source: 'hello.yaml',
} satisfies LoadedComponent;

function codeOf(fn: () => unknown): string | undefined {
  try {
    fn();
  } catch (err) {
    return err instanceof CtpipeError ? err.code : `not a CtpipeError: ${String(err)}`;
  }
  return undefined;
}

describe('definePipeline', () => {
  it('names tasks k8s-safe from the component name, -2, -3 for repeats, or as given', () => {
    const p = definePipeline({ name: 'names' }, (b) => {
      b.task(hello);
      b.task(hello);
      b.task(hello, { name: 'greet' });
      b.task(hello);
    });
    expect(p.tasks.map((t) => t.name)).toEqual(['say-hello', 'say-hello-2', 'greet', 'say-hello-3']);
  });

  it('refuses unusable task names', () => {
    for (const name of ['Greet', 'condition-1', '-x', 'a_b']) {
      expect(codeOf(() => definePipeline({ name: 'p' }, (b) => b.task(hello, { name })))).toBe('BAD_CONFIG');
    }
    expect(
      codeOf(() =>
        definePipeline({ name: 'p' }, (b) => {
          b.task(hello);
          b.task(hello, { name: 'say-hello' });
        }),
      ),
    ).toBe('BAD_CONFIG');
  });

  it('checks the pipeline name, parameter names, types and defaults', () => {
    expect(codeOf(() => definePipeline({ name: 'My Pipeline' }, (b) => b.task(hello)))).toBe('BAD_CONFIG');
    expect(
      codeOf(() =>
        definePipeline({ name: 'p', parameters: { 'a-b': { type: 'STRING' } } }, (b) => b.task(hello)),
      ),
    ).toBe('BAD_CONFIG');
    const badDefault = { n: { type: 'NUMBER_INTEGER', default: 1.5 } } as const;
    expect(codeOf(() => definePipeline({ name: 'p', parameters: badDefault }, (b) => b.task(hello)))).toBe(
      'BAD_CONFIG',
    );
  });

  it('refuses an empty pipeline and an async body', () => {
    expect(codeOf(() => definePipeline({ name: 'p' }, () => {}))).toBe('BAD_CONFIG');
    // biome-ignore lint/suspicious/noExplicitAny: an async body is exactly what the types forbid
    const asyncBody: any = async () => {};
    expect(codeOf(() => definePipeline({ name: 'p' }, asyncBody))).toBe('BAD_CONFIG');
  });

  it('gives the body a ref per parameter and freezes the pipeline afterwards', () => {
    const p = definePipeline(
      { name: 'p', parameters: { who: { type: 'STRING', default: 'you' } } },
      (b, params) => {
        expect(params.who.source).toEqual({ kind: 'pipelineParameter', name: 'who' });
        b.task(hello, { parameters: { who: params.who } });
      },
    );
    expect(p.parameters).toEqual({ who: { type: 'STRING', default: 'you' } });
    const [task] = p.tasks;
    expect(codeOf(() => (task?.kind === 'container' ? task.setCaching(false) : undefined))).toBe(
      'BAD_CONFIG',
    );
  });

  it('builds condition groups numbered in opening order, nested under their parent', () => {
    const p = definePipeline({ name: 'p' }, (b) => {
      const t = b.task(hello);
      b.condition(t.outputs.parameters.said.eq('hi'), (c) => {
        c.condition(t.outputs.parameters.said.ne('bye'), (d) => d.task(hello), { displayName: 'inner' });
      });
      b.condition(t.outputs.parameters.said.eq('yo'), (c) => c.task(hello));
    });
    const [first, second] = p.root.groups;
    expect([first?.name, first?.groups[0]?.name, second?.name]).toEqual([
      'condition-1',
      'condition-2',
      'condition-3',
    ]);
    expect(first?.groups[0]?.displayName).toBe('inner');
    expect(first?.groups[0]?.tasks[0]?.group).toBe(first?.groups[0]);
    expect(p.tasks).toHaveLength(3);
  });

  it('returns what a condition body returns', () => {
    definePipeline({ name: 'p' }, (b) => {
      const t = b.task(hello);
      const inner = b.condition(t.outputs.parameters.said.eq('x'), (c) => c.task(hello));
      expect(inner.name).toBe('say-hello-2');
    });
  });
});
