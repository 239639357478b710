import { type ArtifactRef, type Condition, ParameterRef, type PipelineNode } from '@ctpipe/dsl';
import type { ParameterType } from '@ctpipe/ir';

/**
 * A value that crosses task or DAG boundaries (KFP's PipelineChannel): a pipeline parameter, or an output
 * parameter or artifact of a task. Sub-DAGs receive it as the input `pipelinechannel--<fullName>`.
 */
export type Channel =
  | {
      readonly kind: 'parameter';
      readonly key: string;
      /** `<task>-<output>` for a task output, the parameter name for a pipeline parameter. */
      readonly fullName: string;
      readonly producer: PipelineNode | undefined;
      readonly output: string;
      readonly parameterType: ParameterType;
    }
  | {
      readonly kind: 'artifact';
      readonly key: string;
      readonly fullName: string;
      readonly producer: PipelineNode;
      readonly output: string;
      readonly artifactType: string;
    };

export function parameterChannel(ref: ParameterRef): Channel {
  const { source } = ref;
  const producer = source.kind === 'taskOutput' ? source.task : undefined;
  const output = source.kind === 'taskOutput' ? source.output : source.name;
  const fullName = producer ? `${producer.name}-${output}` : output;
  return {
    kind: 'parameter',
    key: `p:${fullName}`,
    fullName,
    producer,
    output,
    parameterType: ref.parameterType,
  };
}

export function artifactChannel(ref: ArtifactRef): Channel {
  const fullName = `${ref.task.name}-${ref.output}`;
  return {
    kind: 'artifact',
    key: `a:${fullName}`,
    fullName,
    producer: ref.task,
    output: ref.output,
    artifactType: ref.artifactType,
  };
}

/** The name under which a sub-DAG component receives a channel (KFP's `additional_input_name_for_pipeline_channel`). */
export function channelInputName(channel: Channel | string): string {
  return `pipelinechannel--${typeof channel === 'string' ? channel : channel.fullName}`;
}

/** Channels a task consumes through its inputs (a resolver has none). */
export function taskInputChannels(task: PipelineNode): Channel[] {
  if (task.kind === 'resolver') return [];
  const channels: Channel[] = [];
  for (const value of Object.values(task.inputs.parameters)) {
    if (value instanceof ParameterRef) channels.push(parameterChannel(value));
  }
  for (const ref of Object.values(task.inputs.artifacts)) channels.push(artifactChannel(ref));
  return channels;
}

/** Channels a condition compares (refs on either side). */
export function conditionChannels(condition: Condition): Channel[] {
  return condition.operations.flatMap(({ left, right }) =>
    typeof right === 'object' ? [parameterChannel(left), parameterChannel(right)] : [parameterChannel(left)],
  );
}
