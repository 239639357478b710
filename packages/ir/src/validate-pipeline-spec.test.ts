import { describe, expect, it } from 'vitest';
import { MESSAGES } from './internal/proto-schema.js';
import type { JsonObject } from './pipeline-spec.js';
import { validatePipelineSpec } from './validate-pipeline-spec.js';

/** A small valid spec (the shape the compiler emits): produce → condition-1 { consume }. */
function validSpec(): JsonObject {
  const dataset = { schemaTitle: 'system.Dataset', schemaVersion: '0.0.1' };
  return {
    pipelineInfo: { name: 'fixture' },
    schemaVersion: '2.1.0',
    sdkVersion: 'ctpipe-0.1.0',
    deploymentSpec: {
      executors: {
        'exec-produce': {
          container: {
            image: 'alpine',
            command: ['sh', '-c'],
            args: [
              "{{$.inputs.parameters['text']}}",
              "{{$.outputs.parameters['n'].output_file}}",
              "{{$.outputs.artifacts['data'].path}}",
            ],
          },
        },
        'exec-consume': {
          container: { image: 'alpine', args: ["{{$.inputs.artifacts['data'].uri}}", '{{$}}'] },
        },
      },
    },
    components: {
      'comp-produce': {
        executorLabel: 'exec-produce',
        inputDefinitions: {
          parameters: { text: { parameterType: 'STRING', defaultValue: 'hi', isOptional: true } },
        },
        outputDefinitions: {
          parameters: { n: { parameterType: 'NUMBER_INTEGER' } },
          artifacts: { data: { artifactType: dataset } },
        },
      },
      'comp-consume': {
        executorLabel: 'exec-consume',
        inputDefinitions: { artifacts: { data: { artifactType: dataset } } },
      },
      'comp-condition-1': {
        dag: {
          tasks: {
            consume: {
              taskInfo: { name: 'consume' },
              componentRef: { name: 'comp-consume' },
              cachingOptions: { enableCache: true },
              inputs: { artifacts: { data: { componentInputArtifact: 'pipelinechannel--produce-data' } } },
            },
          },
        },
        inputDefinitions: {
          parameters: { 'pipelinechannel--produce-n': { parameterType: 'NUMBER_INTEGER' } },
          artifacts: { 'pipelinechannel--produce-data': { artifactType: dataset } },
        },
      },
    },
    root: {
      inputDefinitions: { parameters: { text: { parameterType: 'STRING' } } },
      dag: {
        tasks: {
          produce: {
            taskInfo: { name: 'produce' },
            componentRef: { name: 'comp-produce' },
            inputs: { parameters: { text: { componentInputParameter: 'text' } } },
            retryPolicy: {
              maxRetryCount: 2,
              backoffDuration: '0s',
              backoffFactor: 2.0,
              backoffMaxDuration: '3600s',
            },
          },
          'condition-1': {
            taskInfo: { name: 'condition-1' },
            componentRef: { name: 'comp-condition-1' },
            dependentTasks: ['produce'],
            inputs: {
              parameters: {
                'pipelinechannel--produce-n': {
                  taskOutputParameter: { producerTask: 'produce', outputParameterKey: 'n' },
                },
              },
              artifacts: {
                'pipelinechannel--produce-data': {
                  taskOutputArtifact: { producerTask: 'produce', outputArtifactKey: 'data' },
                },
              },
            },
            triggerPolicy: { condition: "int(inputs.parameter_values['pipelinechannel--produce-n']) > 5" },
          },
        },
      },
    },
  };
}

/** Problems after `mutate` changes a fresh valid spec (typed loosely: mutations break the types on purpose). */
// biome-ignore lint/suspicious/noExplicitAny: test mutations reach into arbitrary places of the JSON
function problemsAfter(mutate: (spec: any) => void): { path: string; message: string }[] {
  const spec = validSpec();
  mutate(spec);
  const result = validatePipelineSpec(spec);
  return result.ok ? [] : result.problems;
}

describe('validatePipelineSpec', () => {
  it('accepts a valid spec and returns it typed', () => {
    const result = validatePipelineSpec(validSpec());
    expect(result.ok ? result.spec.pipelineInfo.name : result.problems).toBe('fixture');
  });

  it('rejects what is not an object', () => {
    expect(validatePipelineSpec([])).toEqual({
      ok: false,
      problems: [{ path: '', message: 'expected an object (PipelineSpec), found a list' }],
    });
  });

  it('names an unknown field and where it is', () => {
    expect(problemsAfter((s) => (s.root.dag.tasks.produce.retries = 3))).toEqual([
      {
        path: 'root.dag.tasks.produce.retries',
        message: expect.stringMatching(/^unknown field 'retries' of PipelineTaskSpec/),
      },
    ]);
  });

  it('asks for the JSON name of a snake_case field', () => {
    expect(
      problemsAfter((s) => (s.root.dag.tasks.produce.component_ref = { name: 'comp-produce' }))[0]?.message,
    ).toBe("'component_ref' must be written with its JSON name 'componentRef'");
  });

  it('checks scalar types', () => {
    expect(problemsAfter((s) => (s.root.dag.tasks.produce.taskInfo = { name: 5 }))).toEqual([
      { path: 'root.dag.tasks.produce.taskInfo.name', message: 'expected a string, found number 5' },
    ]);
    expect(
      problemsAfter((s) => (s.root.dag.tasks.produce.retryPolicy.backoffDuration = '5m'))[0]?.message,
    ).toMatch(/duration string/);
  });

  it('checks enum names', () => {
    const problems = problemsAfter((s) => (s.root.inputDefinitions.parameters.text.parameterType = 'INT64'));
    expect(problems[0]?.path).toBe('root.inputDefinitions.parameters.text.parameterType');
    expect(problems[0]?.message).toMatch(/expected a ParameterTypeEnum name/);
  });

  it('refuses two members of a oneof', () => {
    const problems = problemsAfter(
      (s) => (s.root.dag.tasks.produce.inputs.parameters.text.runtimeValue = { constant: 'x' }),
    );
    expect(problems[0]?.message).toBe(
      "'componentInputParameter' and 'runtimeValue' are both set; TaskInputsSpec.InputParameterSpec.kind allows one",
    );
  });

  it('requires schemaVersion 2.1.0', () => {
    expect(problemsAfter((s) => (s.schemaVersion = '2.0.0'))).toEqual([
      { path: 'schemaVersion', message: 'expected "2.1.0", found "2.0.0"' },
    ]);
  });

  it('requires componentRef.name to be a component', () => {
    expect(problemsAfter((s) => (s.root.dag.tasks.produce.componentRef.name = 'comp-nope'))).toContainEqual({
      path: 'root.dag.tasks.produce.componentRef.name',
      message: "component 'comp-nope' is not in components",
    });
  });

  it('requires executorLabel to be an executor', () => {
    expect(problemsAfter((s) => (s.components['comp-consume'].executorLabel = 'exec-nope'))).toContainEqual({
      path: 'components.comp-consume.executorLabel',
      message: "executor 'exec-nope' is not in deploymentSpec.executors",
    });
  });

  it('requires dependentTasks to be tasks of the same dag', () => {
    expect(problemsAfter((s) => s.root.dag.tasks['condition-1'].dependentTasks.push('consume'))).toEqual([
      {
        path: 'root.dag.tasks.condition-1.dependentTasks[1]',
        message: "'consume' is not another task of this dag",
      },
    ]);
  });

  it('requires producers and their output keys to exist', () => {
    expect(
      problemsAfter(
        (s) =>
          (s.root.dag.tasks['condition-1'].inputs.parameters[
            'pipelinechannel--produce-n'
          ].taskOutputParameter.producerTask = 'ghost'),
      )[0]?.message,
    ).toBe("producer 'ghost' is not another task of this dag");
    expect(
      problemsAfter(
        (s) =>
          (s.root.dag.tasks['condition-1'].inputs.parameters[
            'pipelinechannel--produce-n'
          ].taskOutputParameter.outputParameterKey = 'm'),
      )[0]?.message,
    ).toBe("task 'produce' has no output parameter 'm'");
    expect(
      problemsAfter(
        (s) =>
          (s.root.dag.tasks['condition-1'].inputs.artifacts[
            'pipelinechannel--produce-data'
          ].taskOutputArtifact.outputArtifactKey = 'model'),
      )[0]?.message,
    ).toBe("task 'produce' has no output artifact 'model'");
  });

  it('requires component inputs to be declared on the enclosing component', () => {
    expect(
      problemsAfter((s) => (s.root.dag.tasks.produce.inputs.parameters.text.componentInputParameter = 'txt')),
    ).toContainEqual({
      path: 'root.dag.tasks.produce.inputs.parameters.text',
      message: "'txt' is not an input parameter of the enclosing component",
    });
    expect(
      problemsAfter(
        (s) =>
          (s.components['comp-condition-1'].dag.tasks.consume.inputs.artifacts.data.componentInputArtifact =
            'data'),
      )[0]?.message,
    ).toBe("'data' is not an input artifact of the enclosing component");
  });

  it('requires inputs the called component needs', () => {
    expect(
      problemsAfter((s) => delete s.components['comp-condition-1'].dag.tasks.consume.inputs),
    ).toContainEqual({
      path: 'components.comp-condition-1.dag.tasks.consume.inputs.artifacts',
      message: "required input artifact 'data' of 'comp-consume' is not passed",
    });
  });

  it('requires parameters read by a condition to be inputs of the task', () => {
    const condition = "inputs.parameter_values['pipelinechannel--other'] == 'x'";
    expect(
      problemsAfter((s) => (s.root.dag.tasks['condition-1'].triggerPolicy.condition = condition)),
    ).toEqual([
      {
        path: 'root.dag.tasks.condition-1.triggerPolicy.condition',
        message: "the condition reads 'pipelinechannel--other', which is not an input parameter of this task",
      },
    ]);
    expect(
      problemsAfter((s) => (s.root.dag.tasks['condition-1'].triggerPolicy.condition = 'size(x) > 1'))[0]
        ?.message,
    ).toMatch(/undeclared reference to 'size'/);
  });

  it('refuses a cycle', () => {
    expect(problemsAfter((s) => (s.root.dag.tasks.produce.dependentTasks = ['condition-1']))).toEqual([
      { path: 'root.dag.tasks', message: 'the tasks form a cycle: produce → condition-1 → produce' },
    ]);
  });

  it('requires placeholders in containers to name declared inputs and outputs', () => {
    expect(
      problemsAfter((s) =>
        s.deploymentSpec.executors['exec-consume'].container.args.push("{{$.inputs.parameters['lr']}}"),
      ),
    ).toEqual([
      {
        path: 'deploymentSpec.executors.exec-consume.container.args[2]',
        message: "placeholder names input parameter 'lr', which no component using 'exec-consume' has",
      },
    ]);
    expect(
      problemsAfter(
        (s) =>
          (s.deploymentSpec.executors['exec-produce'].container.args[2] =
            "{{$.outputs.artifacts['model'].path}}"),
      ),
    ).toHaveLength(1);
  });

  it('requires placeholders in constants to name inputs of the task', () => {
    expect(
      problemsAfter(
        (s) =>
          (s.root.dag.tasks.produce.inputs.parameters.text = {
            runtimeValue: { constant: "{{$.inputs.parameters['x']}}!" },
          }),
      ),
    ).toContainEqual({
      path: 'root.dag.tasks.produce.inputs.parameters.text',
      message: "placeholder names 'x', which is not an input parameter of this task",
    });
  });

  it('requires defaults to fit their parameter type', () => {
    expect(
      problemsAfter((s) => (s.components['comp-produce'].inputDefinitions.parameters.text.defaultValue = 3)),
    ).toEqual([
      {
        path: 'components.comp-produce.inputDefinitions.parameters.text.defaultValue',
        message: 'a STRING parameter cannot default to 3',
      },
    ]);
  });

  it('requires a dag or an executor on every component', () => {
    expect(problemsAfter((s) => delete s.components['comp-consume'].executorLabel)).toContainEqual({
      path: 'components.comp-consume',
      message: 'a component needs a dag or an executorLabel',
    });
  });
});

describe('the proto table', () => {
  it('resolves every message a field refers to', () => {
    const missing = Object.values(MESSAGES)
      .flatMap((fields) => Object.values(fields))
      .flatMap((f) =>
        typeof f.type === 'object' && 'message' in f.type && !MESSAGES[f.type.message]
          ? [f.type.message]
          : [],
      );
    expect(missing).toEqual([]);
  });
});
