import { defineComponent, type LoadedComponent } from '@ctpipe/contract';
import { CtpipeError } from '@ctpipe/errors';
import { expect, it } from 'vitest';
import { definePipeline } from './index.js';

// Each `@ts-expect-error` below is checked by `tsc` (the typecheck includes tests); the same call must
// also fail at run time, for components typed only as ComponentDefinition.

const produce = {
  definition: defineComponent({
    name: 'produce',
    description: '',
    inputs: {
      parameters: {
        text: { type: 'STRING', description: '' },
        n: { type: 'NUMBER_INTEGER', description: '', default: 3 },
      },
    },
    outputs: {
      parameters: { count: { type: 'NUMBER_INTEGER', description: '' } },
      artifacts: {
        data: { type: 'system.Dataset', description: '' },
        model: { type: 'system.Model', description: '' },
      },
    },
  }),
  implementation: { image: 'x', command: [], args: [] },
  source: 'produce.yaml',
} satisfies LoadedComponent;

const consume = {
  definition: defineComponent({
    name: 'consume',
    description: '',
    inputs: { artifacts: { data: { type: 'system.Dataset', description: '' } } },
    outputs: {},
  }),
  implementation: { image: 'x', command: [], args: [] },
  source: 'consume.yaml',
} satisfies LoadedComponent;

const noInputs = {
  definition: defineComponent({ name: 'no-inputs', description: '', inputs: {}, outputs: {} }),
  implementation: { image: 'x', command: [], args: [] },
  source: 'n.yaml',
} satisfies LoadedComponent;

it('types task arguments and outputs from the component definition', () => {
  const p = definePipeline(
    {
      name: 'typed',
      parameters: { t: { type: 'STRING', default: 'a' }, tags: { type: 'LIST', default: ['x'] } },
    },
    (b, params) => {
      const a = b.task(produce, { parameters: { text: params.t } });
      b.task(consume, { artifacts: { data: a.outputs.artifacts.data } });
      b.task(noInputs);
      const broad: LoadedComponent = produce;
      b.task(broad, { parameters: { text: 'x' } });

      // @ts-expect-error a required input is missing
      expect(() => b.task(produce, { parameters: { n: 1 } })).toThrow(CtpipeError);
      // @ts-expect-error an unknown input name
      expect(() => b.task(produce, { parameters: { text: 'x', bogus: 1 } })).toThrow(CtpipeError);
      // @ts-expect-error an integer output into a string input
      expect(() => b.task(produce, { parameters: { text: a.outputs.parameters.count } })).toThrow(
        CtpipeError,
      );
      // @ts-expect-error a Model where a Dataset is expected
      expect(() => b.task(consume, { artifacts: { data: a.outputs.artifacts.model } })).toThrow(CtpipeError);
      // @ts-expect-error the component has a required artifact input
      expect(() => b.task(consume)).toThrow(CtpipeError);
      // @ts-expect-error an integer compared with a string
      expect(() => a.outputs.parameters.count.eq('x')).toThrow(CtpipeError);

      b.condition(a.outputs.parameters.count.gt(5).and(params.t.eq('x')), (c) => c.task(noInputs));
    },
  );
  expect(p.tasks.map((t) => t.name)).toEqual(['produce', 'consume', 'no-inputs', 'produce-2', 'no-inputs-2']);
});
