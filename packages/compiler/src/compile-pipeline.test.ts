import { defineComponent, type LoadedComponent } from '@ctpipe/contract';
import { definePipeline } from '@ctpipe/dsl';
import { CtpipeError } from '@ctpipe/errors';
import { describe, expect, it } from 'vitest';
import { compilePipeline } from './index.js';

const step = {
  definition: defineComponent({
    name: 'step',
    description: '',
    inputs: { parameters: { n: { type: 'NUMBER_INTEGER', description: '', default: 1 } } },
    outputs: { parameters: { out: { type: 'STRING', description: '' } } },
  }),
  implementation: { image: 'alpine', command: ['sh'], args: [{ outputPath: 'out' }] },
  source: 'step.yaml',
} satisfies LoadedComponent;

const pipeline = definePipeline(
  { name: 'opts', pipelineRoot: 'gs://own/root', parameters: { n: { type: 'NUMBER_INTEGER' } } },
  (b, params) => {
    const a = b.task(step, { parameters: { n: params.n } });
    b.condition(a.outputs.parameters.out.eq('go'), (c) => c.task(step, { parameters: { n: params.n } }));
  },
);

describe('compilePipeline', () => {
  it('writes the header and derives comp-/exec- keys from task names', () => {
    const spec = compilePipeline(pipeline);
    expect([spec.schemaVersion, spec.sdkVersion, spec.defaultPipelineRoot]).toEqual([
      '2.1.0',
      'ctpipe-0.1.0',
      'gs://own/root',
    ]);
    expect(Object.keys(spec.components).sort()).toEqual(['comp-condition-1', 'comp-step', 'comp-step-2']);
    expect(Object.keys(spec.deploymentSpec.executors).sort()).toEqual(['exec-step', 'exec-step-2']);
    expect(spec.components['comp-step-2']?.executorLabel).toBe('exec-step-2');
  });

  it('passes a pipeline parameter into a condition as a channel', () => {
    const spec = compilePipeline(pipeline);
    expect(spec.root.dag?.tasks['condition-1']?.inputs?.parameters?.['pipelinechannel--n']).toEqual({
      componentInputParameter: 'n',
    });
    const inner = spec.components['comp-condition-1']?.dag?.tasks['step-2'];
    expect(inner?.inputs?.parameters?.n).toEqual({ componentInputParameter: 'pipelinechannel--n' });
  });

  it('applies compile-time options', () => {
    const spec = compilePipeline(pipeline, {
      defaultPipelineRoot: 'gs://other',
      parameterDefaults: { n: 4 },
    });
    expect(spec.defaultPipelineRoot).toBe('gs://other');
    // As the SDK's pipeline_parameters: the default is set, isOptional is left as it was.
    expect(spec.root.inputDefinitions?.parameters?.n).toEqual({
      parameterType: 'NUMBER_INTEGER',
      defaultValue: 4,
    });
  });

  it('rejects defaults for unknown parameters or of the wrong type', () => {
    const codeOf = (defaults: Record<string, never>) => {
      try {
        compilePipeline(pipeline, { parameterDefaults: defaults });
      } catch (err) {
        return err instanceof CtpipeError ? err.details : err;
      }
      return undefined;
    };
    expect(codeOf({ m: 1 as never })).toMatchObject({ parameter: 'm', expected: 'n' });
    expect(codeOf({ n: 'four' as never })).toMatchObject({ parameter: 'n', expected: 'NUMBER_INTEGER' });
  });

  it('leaves the pipeline unchanged, so compiling twice gives the same spec', () => {
    expect(compilePipeline(pipeline)).toEqual(compilePipeline(pipeline));
  });
});
