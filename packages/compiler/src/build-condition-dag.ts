import type { TaskGroup } from '@ctpipe/dsl';
import type {
  ComponentSpec,
  PipelineTaskSpec,
  TaskInputArtifactSpec,
  TaskInputParameterSpec,
} from '@ctpipe/ir';
import { artifactTypeSchema } from './build-component-spec.js';
import type { DagContext } from './build-task-spec.js';
import { conditionToCel } from './cel.js';
import { type Channel, channelInputName } from './channels.js';

/**
 * A condition compiles to a sub-DAG component (`comp-condition-N`) whose inputs are every outer value its
 * tasks or its own condition need, plus the task that runs it with the condition as its trigger policy.
 * This builds the component's interface; its tasks are added when the group itself is compiled.
 */
export function buildConditionComponentSpec(channels: readonly Channel[]): ComponentSpec {
  const parameters: NonNullable<NonNullable<ComponentSpec['inputDefinitions']>['parameters']> = {};
  const artifacts: NonNullable<NonNullable<ComponentSpec['inputDefinitions']>['artifacts']> = {};
  for (const channel of channels) {
    if (channel.kind === 'parameter')
      parameters[channelInputName(channel)] = { parameterType: channel.parameterType };
    else {
      artifacts[channelInputName(channel)] = {
        artifactType: artifactTypeSchema(channel.artifactType),
        // A resolver may find nothing; the sub-DAG must still run, and its tasks take the value as optional.
        ...(channel.producer.kind === 'resolver' ? { isOptional: true } : {}),
      };
    }
  }
  const spec: ComponentSpec = { dag: { tasks: {} } };
  if (channels.length > 0) {
    spec.inputDefinitions = {
      ...(Object.keys(artifacts).length > 0 ? { artifacts } : {}),
      ...(Object.keys(parameters).length > 0 ? { parameters } : {}),
    };
  }
  return spec;
}

/** KFP's `build_task_spec_for_group` for a condition; componentRef is set by the caller. */
export function buildConditionTaskSpec(
  group: TaskGroup,
  channels: readonly Channel[],
  dag: DagContext,
): PipelineTaskSpec {
  const parameters: Record<string, TaskInputParameterSpec> = {};
  const artifacts: Record<string, TaskInputArtifactSpec> = {};
  for (const channel of channels) {
    const inputName = channelInputName(channel);
    const sibling = channel.producer !== undefined && dag.siblings.has(channel.producer.name);
    const outer = dag.isRoot ? channel.fullName : inputName;
    if (channel.kind === 'artifact') {
      artifacts[inputName] = sibling
        ? { taskOutputArtifact: { producerTask: channel.producer.name, outputArtifactKey: channel.output } }
        : { componentInputArtifact: outer };
    } else {
      parameters[inputName] =
        sibling && channel.producer
          ? {
              taskOutputParameter: {
                producerTask: channel.producer.name,
                outputParameterKey: channel.output,
              },
            }
          : { componentInputParameter: outer };
    }
  }
  const spec: PipelineTaskSpec = {
    taskInfo: { name: group.displayName ?? group.name },
    componentRef: { name: '' },
    triggerPolicy: { condition: conditionToCel(group.condition!) },
  };
  if (channels.length > 0) {
    spec.inputs = {
      ...(Object.keys(parameters).length > 0 ? { parameters } : {}),
      ...(Object.keys(artifacts).length > 0 ? { artifacts } : {}),
    };
  }
  return spec;
}
