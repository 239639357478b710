import { defineComponent, type LoadedComponent } from '@ctpipe/contract';
import { type Condition, definePipeline, type PipelineParams, type PipelineTask } from '@ctpipe/dsl';
import { evaluateCondition } from '@ctpipe/ir';
import { expect, it } from 'vitest';
import { conditionToCel } from './cel.js';

const probe = {
  definition: defineComponent({
    name: 'probe',
    description: '',
    inputs: {},
    outputs: {
      parameters: {
        n: { type: 'NUMBER_INTEGER', description: '' },
        x: { type: 'NUMBER_DOUBLE', description: '' },
        s: { type: 'STRING', description: '' },
        ok: { type: 'BOOLEAN', description: '' },
      },
    },
  }),
  implementation: { image: 'x', command: [], args: [] },
  source: 'probe.yaml',
} satisfies LoadedComponent;

const parameters = { flag: { type: 'BOOLEAN' }, limit: { type: 'NUMBER_INTEGER' } } as const;

function celOf(
  make: (t: PipelineTask<typeof probe.definition>, p: PipelineParams<typeof parameters>) => Condition,
): string {
  let cel = '';
  definePipeline({ name: 'p', parameters }, (b, params) => {
    cel = conditionToCel(make(b.task(probe), params));
  });
  return cel;
}

const P = (name: string) => `inputs.parameter_values['pipelinechannel--${name}']`;

it('writes each operand type as the KFP SDK does', () => {
  expect(celOf((t) => t.outputs.parameters.s.eq('heads'))).toBe(`${P('probe-s')} == 'heads'`);
  expect(celOf((t) => t.outputs.parameters.n.gt(5))).toBe(`int(${P('probe-n')}) > 5`);
  expect(celOf((t) => t.outputs.parameters.n.le(-3))).toBe(`int(${P('probe-n')}) <= -3`);
  expect(celOf((t) => t.outputs.parameters.ok.eq(true))).toBe(`${P('probe-ok')} == true`);
  expect(celOf((t) => t.outputs.parameters.x.lt(0.25))).toBe(`${P('probe-x')} < 0.25`);
  expect(celOf((_, p) => p.flag.ne(false))).toBe(`${P('flag')} != false`);
});

it('promotes an integer compared with a double, as the SDK does', () => {
  expect(celOf((t) => t.outputs.parameters.x.ge(2))).toBe(`${P('probe-x')} >= double(2)`);
  expect(celOf((t) => t.outputs.parameters.n.lt(2.5))).toBe(`double(int(${P('probe-n')})) < 2.5`);
  expect(celOf((t, p) => t.outputs.parameters.x.gt(p.limit))).toBe(
    `${P('probe-x')} > double(int(${P('limit')}))`,
  );
});

it('joins and() with && and evaluates to what the comparison means', () => {
  const cel = celOf((t, p) => t.outputs.parameters.n.ge(p.limit).and(t.outputs.parameters.s.ne('fail')));
  expect(cel).toBe(`int(${P('probe-n')}) >= int(${P('limit')}) && ${P('probe-s')} != 'fail'`);
  const values = {
    'pipelinechannel--probe-n': 7,
    'pipelinechannel--limit': 5,
    'pipelinechannel--probe-s': 'ok',
  };
  expect(evaluateCondition(cel, values)).toBe(true);
  expect(evaluateCondition(cel, { ...values, 'pipelinechannel--limit': 8 })).toBe(false);
});
