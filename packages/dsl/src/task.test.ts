import { defineComponent, type LoadedComponent } from '@ctpipe/contract';
import { CtpipeError } from '@ctpipe/errors';
import { describe, expect, it } from 'vitest';
import { definePipeline, type Pipeline, type PipelineBuilder, type PipelineTask } from './index.js';

const make = {
  definition: defineComponent({
    name: 'make',
    description: '',
    inputs: { parameters: { n: { type: 'NUMBER_INTEGER', description: '' } } },
    outputs: {
      parameters: {
        count: { type: 'NUMBER_INTEGER', description: '' },
        label: { type: 'STRING', description: '' },
      },
      artifacts: {
        data: { type: 'system.Dataset', description: '' },
        any: { type: 'system.Artifact', description: '' },
      },
    },
  }),
  implementation: { image: 'x', command: [], args: [{ outputPath: 'count' }, { outputPath: 'data' }] },
  source: 'make.yaml',
} satisfies LoadedComponent;

const use = {
  definition: defineComponent({
    name: 'use',
    description: '',
    inputs: {
      parameters: {
        label: { type: 'STRING', description: '' },
        tags: { type: 'LIST', description: '', optional: true },
      },
      artifacts: { data: { type: 'system.Dataset', description: '' } },
    },
    outputs: {},
  }),
  implementation: { image: 'x', command: [], args: [{ inputPath: 'data' }, { inputValue: 'label' }] },
  source: 'use.yaml',
} satisfies LoadedComponent;

/** The i-th node of the pipeline, which these tests know is a component's task. */
function containerAt(p: Pipeline, i: number): PipelineTask {
  const node = p.tasks[i];
  if (node?.kind !== 'container') throw new Error(`node ${i} is not a container task`);
  return node;
}

/** Runs `body` in a pipeline and returns the CtpipeError it throws (message and details included). */
function errorIn(body: (b: PipelineBuilder) => void): CtpipeError {
  try {
    definePipeline({ name: 'p' }, (b) => {
      body(b);
      b.task(make, { parameters: { n: 1 } });
    });
  } catch (err) {
    if (err instanceof CtpipeError) return err;
    throw err;
  }
  throw new Error('expected a CtpipeError');
}

// Untyped args: what a caller with a broadly typed component could pass; the runtime checks must catch it.
const loose = (args: unknown) => args as never;

describe('builder.task input checks', () => {
  it('accepts literals, parameter refs and artifact refs of matching types', () => {
    const p = definePipeline({ name: 'p' }, (b) => {
      const m = b.task(make, { parameters: { n: 3 } });
      b.task(use, {
        parameters: { label: m.outputs.parameters.label, tags: ['a'] },
        artifacts: { data: m.outputs.artifacts.data },
      });
      b.task(use, { parameters: { label: 'x' }, artifacts: { data: m.outputs.artifacts.any } });
    });
    const consumer = containerAt(p, 1);
    expect(consumer.inputs.parameters.tags).toEqual(['a']);
    expect(consumer.inputs.artifacts.data?.describe()).toBe('make.outputs.artifacts.data');
  });

  it('rejects an unknown input and says where it belongs', () => {
    const err = errorIn((b) => b.task(make, loose({ parameters: { n: 1, m: 2 } })));
    expect(err.message).toContain("unknown parameter input 'm'");
    expect(err.details).toMatchObject({
      task: 'make',
      input: 'm',
      expected: 'one of the parameter inputs: n',
    });
    const misplaced = errorIn((b) => {
      const m = b.task(make, { parameters: { n: 1 } });
      b.task(use, loose({ parameters: { label: 'x', data: m.outputs.artifacts.data } }));
    });
    expect(misplaced.details.expected).toBe("'data' under artifacts: it is an artifact input");
  });

  it('rejects a missing required input', () => {
    expect(errorIn((b) => b.task(make, loose({}))).message).toContain("required parameter input 'n'");
    expect(errorIn((b) => b.task(use, loose({ parameters: { label: 'x' } }))).message).toContain(
      "required input 'data'",
    );
  });

  it('rejects values of the wrong kind', () => {
    expect(errorIn((b) => b.task(make, loose({ parameters: { n: 1.5 } }))).details.found).toBe('1.5');
    const refErr = errorIn((b) => {
      const m = b.task(make, { parameters: { n: 1 } });
      b.task(make, loose({ parameters: { n: m.outputs.parameters.label } }));
    });
    expect(refErr.details.expected).toBe('a NUMBER_INTEGER parameter');
    const artifactErr = errorIn((b) => {
      const m = b.task(make, { parameters: { n: 1 } });
      b.task(use, loose({ parameters: { label: 'x' }, artifacts: { data: m.outputs.parameters.label } }));
    });
    expect(artifactErr.details.expected).toBe('an artifact output of a task (system.Dataset)');
  });

  it('rejects refs from another pipeline', () => {
    let foreign: unknown;
    definePipeline({ name: 'other' }, (b) => {
      foreign = b.task(make, { parameters: { n: 1 } }).outputs.parameters.count;
    });
    expect(errorIn((b) => b.task(make, loose({ parameters: { n: foreign } }))).details.found).toBe(
      "one from 'other'",
    );
  });

  it('rejects outputs of a task inside a condition used outside it, as KFP does', () => {
    const err = errorIn((b) => {
      const m = b.task(make, { parameters: { n: 1 } });
      const inner = b.condition(m.outputs.parameters.count.gt(1), (c) =>
        c.task(make, { parameters: { n: 2 } }),
      );
      b.task(make, { parameters: { n: inner.outputs.parameters.count } });
    });
    expect(err.details.found).toBe('an output from inside condition-1');
  });

  it('checks the placeholders of the component', () => {
    const broken: LoadedComponent = {
      ...use,
      implementation: { ...use.implementation, args: [{ inputValue: 'data' }] },
    };
    expect(errorIn((b) => b.task(broken, loose({}))).message).toMatch(
      /args\[0\] \{inputValue: data\} names no input parameter/,
    );
  });
});

describe('task settings', () => {
  it('after() records tasks once and refuses itself or tasks it cannot see', () => {
    const p = definePipeline({ name: 'p' }, (b) => {
      const a = b.task(make, { parameters: { n: 1 } });
      b.task(make, { parameters: { n: 2 } }).after(a, a);
    });
    expect(containerAt(p, 1).settings.after.map((t) => t.name)).toEqual(['make']);
    expect(
      errorIn((b) => {
        const a = b.task(make, { parameters: { n: 1 } });
        a.after(a);
      }).code,
    ).toBe('BAD_CONFIG');
  });

  it('resolves retry durations and KFP defaults', () => {
    const p = definePipeline({ name: 'p' }, (b) => {
      b.task(make, { parameters: { n: 1 } }).setRetry({ maxRetryCount: 2, backoffDuration: '2 minutes' });
    });
    expect(containerAt(p, 0).settings.retry).toEqual({
      maxRetryCount: 2,
      backoffSeconds: 120,
      backoffFactor: 2,
      backoffMaxSeconds: 3600,
    });
    for (const bad of ['1.5h', 'soon', '10x']) {
      const err = errorIn((b) =>
        b.task(make, { parameters: { n: 1 } }).setRetry({ maxRetryCount: 1, backoffDuration: bad }),
      );
      expect(err.details).toMatchObject({ field: 'backoffDuration', found: bad });
    }
    expect(
      errorIn((b) => b.task(make, { parameters: { n: 1 } }).setRetry({ maxRetryCount: -1 })).details.field,
    ).toBe('maxRetryCount');
  });

  it('validates and merges resources', () => {
    const p = definePipeline({ name: 'p' }, (b) => {
      b.task(make, { parameters: { n: 1 } })
        .setResources({ cpuLimit: '500m', memoryLimit: '1Gi' })
        .setResources({ cpuLimit: '2', accelerator: { type: 'nvidia.com/gpu' } });
    });
    expect(containerAt(p, 0).settings.resources).toEqual({
      cpuLimit: '2',
      memoryLimit: '1Gi',
      accelerator: { type: 'nvidia.com/gpu', count: 1 },
    });
    expect(
      errorIn((b) => b.task(make, { parameters: { n: 1 } }).setResources({ cpuLimit: 'two' })).details.field,
    ).toBe('cpuLimit');
    expect(
      errorIn((b) => b.task(make, { parameters: { n: 1 } }).setResources({ memoryLimit: '1GB' })).details
        .field,
    ).toBe('memoryLimit');
  });

  it('keeps env in call order and caching options', () => {
    const p = definePipeline({ name: 'p' }, (b) => {
      b.task(make, { parameters: { n: 1 } })
        .setEnv('B', '1')
        .setEnv('A', '2')
        .setEnv('B', '3')
        .setCaching(false, 'k')
        .setDisplayName('Make it');
    });
    const { settings } = containerAt(p, 0);
    expect([...settings.env]).toEqual([
      ['B', '3'],
      ['A', '2'],
    ]);
    expect([settings.enableCaching, settings.cacheKey, settings.displayName]).toEqual([
      false,
      'k',
      'Make it',
    ]);
  });
});
