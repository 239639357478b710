import type { ExecutorInput } from '@ctpipe/ir';
import { describe, expect, it } from 'vitest';
import { resolveArgs } from './placeholders.js';

const input: ExecutorInput = {
  inputs: {
    parameterValues: { text: 'hi', n: 3, flag: true, cfg: { a: 1 } },
    artifacts: {
      data: {
        artifacts: [
          { type: { schemaTitle: 'system.Dataset' }, uri: 'gs://bucket/run/data', metadata: { rows: 7 } },
        ],
      },
    },
  },
  outputs: {
    parameters: { count: { outputFile: '/tmp/task/outputs/parameters/count' } },
    artifacts: { model: { artifacts: [{ type: { schemaTitle: 'system.Model' }, uri: '/root/run/model' }] } },
    outputFile: '/tmp/task/executor_output.json',
  },
};

describe('resolveArgs', () => {
  it('substitutes every placeholder the KFP launcher knows, inside strings', () => {
    expect(
      resolveArgs(
        [
          "{{$.inputs.parameters['text']}}",
          "n={{$.inputs.parameters['n']}} flag={{$.inputs.parameters['flag']}}",
          "{{$.inputs.parameters['cfg']}}",
          "{{$.inputs.artifacts['data'].uri}}",
          "{{$.inputs.artifacts['data'].path}}",
          "{{$.inputs.artifacts['data'].metadata['rows']}}",
          "{{$.outputs.artifacts['model'].path}}",
          "{{$.outputs.parameters['count'].output_file}}",
          '{{$.outputs.output_file}}',
        ],
        input,
      ),
    ).toEqual([
      'hi',
      'n=3 flag=true',
      '{"a":1}',
      'gs://bucket/run/data',
      '/gcs/bucket/run/data',
      '7',
      '/root/run/model',
      '/tmp/task/outputs/parameters/count',
      '/tmp/task/executor_output.json',
    ]);
  });

  it('passes the whole ExecutorInput for {{$}}', () => {
    expect(JSON.parse(resolveArgs(['{{$}}'], input)[0]!)).toEqual(input);
  });

  it('expands the structured Concat and IfPresent forms', () => {
    const concat = JSON.stringify({ Concat: ['--text=', "{{$.inputs.parameters['text']}}"] });
    const present = JSON.stringify({
      IfPresent: { InputName: 'text', Then: ['--t', "{{$.inputs.parameters['text']}}"] },
    });
    const absent = JSON.stringify({ IfPresent: { InputName: 'nope', Then: ['--x'], Else: ['--default'] } });
    expect(resolveArgs([concat, present, absent], input)).toEqual(['--text=hi', '--t', 'hi', '--default']);
  });

  it('fails clearly on a placeholder that names nothing the task has', () => {
    expect(() => resolveArgs(["{{$.inputs.parameters['missing']}}"], input)).toThrowError(/does not resolve/);
  });
});
