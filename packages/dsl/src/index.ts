export { PipelineBuilder } from './builder.js';
export {
  type ComparisonOperator,
  Condition,
  type ConditionLiteral,
  type ConditionOperand,
  type ConditionOperation,
} from './condition.js';
export {
  definePipeline,
  type Pipeline,
  type PipelineOptions,
  type PipelineParameterDef,
  type PipelineParams,
} from './define-pipeline.js';
export { isVisibleFrom, type TaskGroup } from './group.js';
export type { ParameterArgument, TaskInputs } from './internal/bind-inputs.js';
export { k8sName, uniqueName } from './names.js';
export type { PipelineNode } from './pipeline-node.js';
export { ArtifactRef, type Comparand, ParameterRef, type ParameterSource } from './refs.js';
export {
  type ResolverOptions,
  type ResolverOutputDef,
  type ResolverOutputs,
  type ResolverQuery,
  ResolverTask,
} from './resolver.js';
export { PipelineTask, type TaskSettings } from './task.js';
export type { ResourceOptions, ResourceSettings, RetryOptions, RetrySettings } from './task-settings.js';
export type { TaskArgs, TaskArgsTuple, TaskOutputs } from './task-types.js';
