import { type ParameterArgument, ParameterRef, type PipelineTask } from '@ctpipe/dsl';
import type { InputsSpec, PipelineTaskSpec, TaskInputArtifactSpec, TaskInputParameterSpec } from '@ctpipe/ir';
import { artifactChannel, channelInputName, parameterChannel } from './channels.js';
import { buildRetryPolicy } from './retry-policy.js';

/** What a task spec is built against: the enclosing DAG's component inputs and the tasks beside it. */
export interface DagContext {
  readonly parentInputs: InputsSpec | undefined;
  readonly isRoot: boolean;
  /** Names of the tasks and groups in this DAG. */
  readonly siblings: ReadonlySet<string>;
}

/** The PipelineTaskSpec of a container task (KFP's `build_task_spec_for_task`); componentRef is set by the caller. */
export function buildTaskSpecForTask(task: PipelineTask, dag: DagContext): PipelineTaskSpec {
  const { settings } = task;
  const spec: PipelineTaskSpec = {
    taskInfo: { name: settings.displayName ?? task.name },
    componentRef: { name: '' },
    // proto3 JSON drops `enableCache: false`, so a task with caching off shows `{}`.
    cachingOptions: {
      ...(settings.enableCaching ? { enableCache: true } : {}),
      ...(settings.cacheKey ? { cacheKey: settings.cacheKey } : {}),
    },
  };
  if (settings.retry) spec.retryPolicy = buildRetryPolicy(settings.retry);

  const parameters: Record<string, TaskInputParameterSpec> = {};
  for (const [name, value] of Object.entries(task.inputs.parameters))
    parameters[name] = parameterInput(value, dag);
  const artifacts: Record<string, TaskInputArtifactSpec> = {};
  for (const [name, ref] of Object.entries(task.inputs.artifacts)) {
    const channel = artifactChannel(ref);
    artifacts[name] = dag.siblings.has(ref.task.name)
      ? { taskOutputArtifact: { producerTask: ref.task.name, outputArtifactKey: ref.output } }
      : { componentInputArtifact: channelInputName(channel) };
  }
  const inputs: NonNullable<PipelineTaskSpec['inputs']> = {};
  if (Object.keys(parameters).length > 0) inputs.parameters = parameters;
  if (Object.keys(artifacts).length > 0) inputs.artifacts = artifacts;
  if (inputs.parameters || inputs.artifacts) spec.inputs = inputs;
  return spec;
}

function parameterInput(value: ParameterArgument, dag: DagContext): TaskInputParameterSpec {
  if (!(value instanceof ParameterRef)) return { runtimeValue: { constant: value } };
  const { source } = value;
  if (source.kind === 'taskOutput') {
    return dag.siblings.has(source.task.name)
      ? { taskOutputParameter: { producerTask: source.task.name, outputParameterKey: source.output } }
      : { componentInputParameter: channelInputName(parameterChannel(value)) };
  }
  // A pipeline parameter is read under its own name at the root and as a channel inside sub-DAGs.
  const declared = dag.parentInputs?.parameters?.[source.name] !== undefined;
  return { componentInputParameter: declared ? source.name : channelInputName(source.name) };
}
