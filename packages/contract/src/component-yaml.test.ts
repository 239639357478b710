import { describe, expect, it } from 'vitest';
import { diffDefinitions, parseComponentYaml, renderComponentYaml } from './component-yaml.js';
import { defineComponent } from './definition.js';

const spec = defineComponent({
  name: 'extract',
  description: 'reads data',
  inputs: {
    parameters: {
      input_pattern: { type: 'STRING', description: 'where' },
      split_ratios: { type: 'STRUCT', description: 'ratios', default: { train: 2, eval: 1 } },
      span: { type: 'NUMBER_INTEGER', description: 'span', default: -1 },
    },
    artifacts: { schema: { type: 'system.Artifact', description: 'optional schema', optional: true } },
  },
  outputs: {
    parameters: { row_count: { type: 'NUMBER_INTEGER', description: 'rows' } },
    artifacts: { examples: { type: 'system.Dataset', description: 'the examples' } },
  },
});

const implementation = {
  image: 'ctpipe/extract:dev',
  command: ['node', '/app/components/extract/dist/main.js'],
  args: ['--executor-input', { executorInput: null }],
};

describe('component.yaml', () => {
  it('round-trips: render then parse gives back the same interface and implementation', () => {
    const text = renderComponentYaml(spec, implementation);
    expect(text).toContain('- executorInput: null');
    expect(text).toContain('type: Integer');
    const parsed = parseComponentYaml(text, 'component.yaml');
    expect(diffDefinitions(spec, parsed.definition)).toEqual([]);
    expect(parsed.implementation).toEqual(implementation);
  });

  it('maps v1 types as the KFP SDK does: unknown types become system.Artifact', () => {
    const parsed = parseComponentYaml(
      'name: t\ninputs:\n- {name: a, type: GCSPath}\n- {name: b, type: Float}\n- {name: c}\noutputs:\n- {name: m, type: Model}\nimplementation:\n  container: {image: x}\n',
      'c.yaml',
    );
    expect(parsed.definition.inputs.artifacts).toEqual({
      a: { type: 'system.Artifact', description: '' },
      c: { type: 'system.Artifact', description: '' },
    });
    expect(parsed.definition.inputs.parameters).toEqual({ b: { type: 'NUMBER_DOUBLE', description: '' } });
    expect(parsed.definition.outputs.artifacts).toEqual({ m: { type: 'system.Model', description: '' } });
  });

  it('lists every disagreement between spec.ts and component.yaml', () => {
    const yaml = renderComponentYaml(spec, implementation)
      .replace('name: span\n    type: Integer', 'name: span\n    type: Float')
      .replace('name: row_count', 'name: rows');
    const diffs = diffDefinitions(spec, parseComponentYaml(yaml, 'component.yaml').definition);
    expect(diffs).toEqual([
      'inputs.parameters.span: type NUMBER_INTEGER in spec.ts, NUMBER_DOUBLE in component.yaml',
      'outputs.parameters.row_count: in spec.ts, missing from component.yaml',
      'outputs.parameters.rows: in component.yaml, missing from spec.ts',
    ]);
  });

  it('names the file when the YAML is broken or incomplete', () => {
    expect(() => parseComponentYaml('name: [', 'components/x/component.yaml')).toThrowError(/not valid YAML/);
    expect(() => parseComponentYaml('name: x\n', 'components/x/component.yaml')).toThrowError(
      /implementation.container.image/,
    );
  });
});
