import { isCtpipeError } from '@ctpipe/errors';
import { parseCondition } from '../cel.js';
import type { ComponentSpec, DagSpec, PipelineSpec, PipelineTaskSpec } from '../pipeline-spec.js';
import { celParameterNames } from './cel-parse.js';
import { placeholderRefs } from './placeholder-refs.js';
import { joinPath, type PipelineSpecProblem } from './problems.js';

interface Dag {
  path: string;
  component: ComponentSpec;
  dag: DagSpec;
  components: Record<string, ComponentSpec>;
}

/** Every name a DAG refers to must exist: components, sibling tasks, enclosing inputs, producer outputs. */
export function checkReferences(spec: PipelineSpec, problems: PipelineSpecProblem[]): void {
  const components = spec.components ?? {};
  const executors = spec.deploymentSpec?.executors ?? {};
  if (!spec.root?.dag) problems.push({ path: 'root', message: 'the root component must have a dag' });
  for (const [name, component] of Object.entries(components)) {
    const path = joinPath('components', name);
    if (!component.dag && component.executorLabel === undefined) {
      problems.push({ path, message: 'a component needs a dag or an executorLabel' });
    }
    if (component.executorLabel !== undefined && !executors[component.executorLabel]) {
      problems.push({
        path: joinPath(path, 'executorLabel'),
        message: `executor '${component.executorLabel}' is not in deploymentSpec.executors`,
      });
    }
  }
  const dags: Dag[] = [];
  if (spec.root?.dag) dags.push({ path: 'root', component: spec.root, dag: spec.root.dag, components });
  for (const [name, component] of Object.entries(components)) {
    if (component.dag)
      dags.push({ path: joinPath('components', name), component, dag: component.dag, components });
  }
  for (const dag of dags) {
    for (const [name, task] of Object.entries(dag.dag.tasks ?? {})) checkTask(dag, name, task, problems);
    checkDagOutputs(dag, problems);
  }
}

function checkTask(dag: Dag, name: string, task: PipelineTaskSpec, problems: PipelineSpecProblem[]): void {
  const path = joinPath(`${dag.path}.dag.tasks`, name);
  const at = (suffix: string) => `${path}.${suffix}`;
  const tasks = dag.dag.tasks ?? {};
  const isSibling = (other: string | undefined) =>
    other !== undefined && other !== name && tasks[other] !== undefined;
  const calleeName = task.componentRef?.name;
  const callee = calleeName === undefined ? undefined : dag.components[calleeName];
  if (!callee) {
    problems.push({
      path: at('componentRef.name'),
      message:
        calleeName === undefined
          ? 'a task needs componentRef.name'
          : `component '${calleeName}' is not in components`,
    });
  }
  (task.dependentTasks ?? []).forEach((dep, i) => {
    if (!isSibling(dep))
      problems.push({
        path: at(`dependentTasks[${i}]`),
        message: `'${dep}' is not another task of this dag`,
      });
  });

  const passedParams = task.inputs?.parameters ?? {};
  const passedArtifacts = task.inputs?.artifacts ?? {};
  const enclosing = dag.component.inputDefinitions;
  for (const [input, spec] of Object.entries(passedParams)) {
    const where = at(`inputs.parameters.${input}`);
    if ('componentInputParameter' in spec && !enclosing?.parameters?.[spec.componentInputParameter]) {
      problems.push({
        path: where,
        message: `'${spec.componentInputParameter}' is not an input parameter of the enclosing component`,
      });
    } else if ('taskOutputParameter' in spec) {
      const { producerTask, outputParameterKey } = spec.taskOutputParameter;
      if (!isSibling(producerTask))
        problems.push({ path: where, message: `producer '${producerTask}' is not another task of this dag` });
      else if (!outputsOf(dag, producerTask)?.parameters?.[outputParameterKey]) {
        problems.push({
          path: where,
          message: `task '${producerTask}' has no output parameter '${outputParameterKey}'`,
        });
      }
    } else if ('taskFinalStatus' in spec && !isSibling(spec.taskFinalStatus.producerTask)) {
      problems.push({
        path: where,
        message: `producer '${spec.taskFinalStatus.producerTask}' is not another task of this dag`,
      });
    } else if ('runtimeValue' in spec) {
      const constant = (spec.runtimeValue as { constant?: unknown }).constant;
      for (const ref of typeof constant === 'string' ? placeholderRefs(constant) : []) {
        if (ref.side !== 'inputs' || ref.kind !== 'parameters' || !passedParams[ref.name]) {
          problems.push({
            path: where,
            message: `placeholder names '${ref.name}', which is not an input parameter of this task`,
          });
        }
      }
    } else if (
      !['componentInputParameter', 'taskOutputParameter', 'taskFinalStatus'].some((k) => k in spec)
    ) {
      problems.push({
        path: where,
        message: 'sets none of componentInputParameter, taskOutputParameter, runtimeValue, taskFinalStatus',
      });
    }
  }
  for (const [input, spec] of Object.entries(passedArtifacts)) {
    const where = at(`inputs.artifacts.${input}`);
    if ('componentInputArtifact' in spec) {
      if (!enclosing?.artifacts?.[spec.componentInputArtifact]) {
        problems.push({
          path: where,
          message: `'${spec.componentInputArtifact}' is not an input artifact of the enclosing component`,
        });
      }
    } else if ('taskOutputArtifact' in spec) {
      const { producerTask, outputArtifactKey } = spec.taskOutputArtifact;
      if (!isSibling(producerTask))
        problems.push({ path: where, message: `producer '${producerTask}' is not another task of this dag` });
      else if (!outputsOf(dag, producerTask)?.artifacts?.[outputArtifactKey]) {
        problems.push({
          path: where,
          message: `task '${producerTask}' has no output artifact '${outputArtifactKey}'`,
        });
      }
    } else {
      problems.push({ path: where, message: 'sets none of taskOutputArtifact, componentInputArtifact' });
    }
  }

  const itemParam = task.parameterIterator?.itemInput;
  const itemArtifact = task.artifactIterator?.itemInput;
  for (const [input, def] of Object.entries(callee?.inputDefinitions?.parameters ?? {})) {
    if (!def.isOptional && def.defaultValue === undefined && input !== itemParam && !passedParams[input]) {
      problems.push({
        path: at('inputs.parameters'),
        message: `required input parameter '${input}' of '${calleeName}' is not passed`,
      });
    }
  }
  for (const [input, def] of Object.entries(callee?.inputDefinitions?.artifacts ?? {})) {
    if (!def.isOptional && input !== itemArtifact && !passedArtifacts[input]) {
      problems.push({
        path: at('inputs.artifacts'),
        message: `required input artifact '${input}' of '${calleeName}' is not passed`,
      });
    }
  }
  const items = task.parameterIterator?.items;
  if (items && 'inputParameter' in items && !passedParams[items.inputParameter]) {
    problems.push({
      path: at('parameterIterator.items.inputParameter'),
      message: `'${items.inputParameter}' is not an input parameter of this task`,
    });
  }
  const artifactItems = task.artifactIterator?.items.inputArtifact;
  if (artifactItems !== undefined && !passedArtifacts[artifactItems]) {
    problems.push({
      path: at('artifactIterator.items.inputArtifact'),
      message: `'${artifactItems}' is not an input artifact of this task`,
    });
  }
  const condition = task.triggerPolicy?.condition;
  if (condition) checkCondition(condition, passedParams, at('triggerPolicy.condition'), problems);
}

function checkCondition(
  condition: string,
  passed: Record<string, unknown>,
  path: string,
  problems: PipelineSpecProblem[],
): void {
  try {
    for (const name of celParameterNames(parseCondition(condition))) {
      if (!passed[name])
        problems.push({
          path,
          message: `the condition reads '${name}', which is not an input parameter of this task`,
        });
    }
  } catch (err) {
    if (!isCtpipeError(err)) throw err;
    problems.push({ path, message: err.message });
  }
}

function checkDagOutputs(dag: Dag, problems: PipelineSpecProblem[]): void {
  const outputs = dag.dag.outputs;
  const base = `${dag.path}.dag.outputs`;
  const check = (
    selector: { producerSubtask: string; key: string; kind: 'parameters' | 'artifacts' },
    path: string,
  ) => {
    const produced = outputsOf(dag, selector.producerSubtask);
    if (!dag.dag.tasks?.[selector.producerSubtask]) {
      problems.push({ path, message: `'${selector.producerSubtask}' is not a task of this dag` });
    } else if (!produced?.[selector.kind]?.[selector.key]) {
      problems.push({
        path,
        message: `task '${selector.producerSubtask}' has no output ${selector.kind.slice(0, -1)} '${selector.key}'`,
      });
    }
  };
  for (const [name, out] of Object.entries(outputs?.parameters ?? {})) {
    const path = joinPath(`${base}.parameters`, name);
    const selectors =
      'valueFromParameter' in out ? [out.valueFromParameter] : (out.valueFromOneof?.parameterSelectors ?? []);
    for (const s of selectors)
      check({ producerSubtask: s.producerSubtask, key: s.outputParameterKey, kind: 'parameters' }, path);
  }
  for (const [name, out] of Object.entries(outputs?.artifacts ?? {})) {
    const path = joinPath(`${base}.artifacts`, name);
    for (const s of out.artifactSelectors ?? []) {
      check({ producerSubtask: s.producerSubtask, key: s.outputArtifactKey, kind: 'artifacts' }, path);
    }
  }
}

function outputsOf(dag: Dag, task: string): ComponentSpec['outputDefinitions'] {
  const ref = dag.dag.tasks?.[task]?.componentRef?.name;
  return ref === undefined ? undefined : dag.components[ref]?.outputDefinitions;
}
