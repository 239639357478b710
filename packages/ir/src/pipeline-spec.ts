/**
 * The KFP v2 IR (`ml_pipelines.PipelineSpec` of kubeflow/pipelines api/v2alpha1/pipeline_spec.proto)
 * in its proto3 JSON form: these key names are exactly what pipeline.json holds.
 * Only the fields ctpipe emits or the runner reads are typed strictly; the rest stay open as the proto allows.
 */

export type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
export type JsonObject = { [key: string]: JsonValue };

export type ParameterType =
  | 'PARAMETER_TYPE_ENUM_UNSPECIFIED'
  | 'NUMBER_DOUBLE'
  | 'NUMBER_INTEGER'
  | 'STRING'
  | 'BOOLEAN'
  | 'LIST'
  | 'STRUCT'
  | 'TASK_FINAL_STATUS'
  | 'TASK_CONFIG';

export interface ArtifactTypeSchema {
  schemaTitle?: string;
  schemaUri?: string;
  instanceSchema?: string;
  schemaVersion?: string;
}

export interface ParameterSpec {
  parameterType: ParameterType;
  defaultValue?: JsonValue;
  isOptional?: boolean;
  description?: string;
  literals?: JsonValue[];
}

export interface ArtifactSpec {
  artifactType: ArtifactTypeSchema;
  isArtifactList?: boolean;
  isOptional?: boolean;
  description?: string;
}

export interface OutputParameterSpec {
  parameterType: ParameterType;
  description?: string;
}

export interface OutputArtifactSpec {
  artifactType: ArtifactTypeSchema;
  metadata?: JsonObject;
  isArtifactList?: boolean;
  description?: string;
}

export interface InputsSpec {
  parameters?: Record<string, ParameterSpec>;
  artifacts?: Record<string, ArtifactSpec>;
}

export interface OutputsSpec {
  parameters?: Record<string, OutputParameterSpec>;
  artifacts?: Record<string, OutputArtifactSpec>;
}

export interface ComponentSpec {
  inputDefinitions?: InputsSpec;
  outputDefinitions?: OutputsSpec;
  dag?: DagSpec;
  executorLabel?: string;
}

export interface DagOutputsSpec {
  parameters?: Record<
    string,
    | { valueFromParameter: { producerSubtask: string; outputParameterKey: string } }
    | { valueFromOneof: { parameterSelectors: { producerSubtask: string; outputParameterKey: string }[] } }
  >;
  artifacts?: Record<string, { artifactSelectors: { producerSubtask: string; outputArtifactKey: string }[] }>;
}

export interface DagSpec {
  tasks: Record<string, PipelineTaskSpec>;
  outputs?: DagOutputsSpec;
}

export type TaskInputParameterSpec = (
  | { componentInputParameter: string }
  | { taskOutputParameter: { producerTask: string; outputParameterKey: string } }
  | { runtimeValue: { constant: JsonValue } }
  | { taskFinalStatus: { producerTask: string } }
) & { parameterExpressionSelector?: string };

export type TaskInputArtifactSpec =
  | { taskOutputArtifact: { producerTask: string; outputArtifactKey: string } }
  | { componentInputArtifact: string };

export type TriggerStrategy =
  | 'TRIGGER_STRATEGY_UNSPECIFIED'
  | 'ALL_UPSTREAM_TASKS_SUCCEEDED'
  | 'ALL_UPSTREAM_TASKS_COMPLETED';

export interface RetryPolicy {
  maxRetryCount?: number;
  /** google.protobuf.Duration in JSON: "30s", "0.5s". */
  backoffDuration?: string;
  backoffFactor?: number;
  backoffMaxDuration?: string;
}

export interface PipelineTaskSpec {
  taskInfo: { name: string };
  inputs?: {
    parameters?: Record<string, TaskInputParameterSpec>;
    artifacts?: Record<string, TaskInputArtifactSpec>;
  };
  dependentTasks?: string[];
  cachingOptions?: { enableCache?: boolean; cacheKey?: string };
  componentRef: { name: string };
  triggerPolicy?: { condition?: string; strategy?: TriggerStrategy };
  retryPolicy?: RetryPolicy;
  iteratorPolicy?: { parallelismLimit?: number };
  parameterIterator?: { items: { raw: string } | { inputParameter: string }; itemInput: string };
  artifactIterator?: { items: { inputArtifact: string }; itemInput: string };
}

export interface ResourceSpec {
  resourceCpuLimit?: string;
  resourceMemoryLimit?: string;
  resourceCpuRequest?: string;
  resourceMemoryRequest?: string;
  cpuLimit?: number;
  memoryLimit?: number;
  cpuRequest?: number;
  memoryRequest?: number;
  accelerator?: { resourceType?: string; resourceCount?: string; type?: string; count?: string };
}

export interface PipelineContainerSpec {
  image: string;
  command?: string[];
  args?: string[];
  env?: { name: string; value: string }[];
  resources?: ResourceSpec;
  lifecycle?: { preCacheCheck?: { command?: string[]; args?: string[] } };
}

export interface ImporterSpec {
  artifactUri: { constant: JsonValue } | { runtimeParameter: string };
  typeSchema: ArtifactTypeSchema;
  metadata?: JsonObject;
  reimport?: boolean;
  downloadToWorkspace?: boolean;
}

/** One output's query. `filter` is parsed by `parseArtifactFilter`; `limit` defaults to 1 (proto3 leaves it out). */
export interface ArtifactQuerySpec {
  filter: string;
  limit?: number;
}

/** Resolves artifacts from the metadata store (TFX's Resolver); one query per output artifact of its component. */
export interface ResolverSpec {
  outputArtifactQueries: Record<string, ArtifactQuerySpec>;
}

export type ExecutorSpec =
  | { container: PipelineContainerSpec }
  | { importer: ImporterSpec }
  | { resolver: ResolverSpec };

export interface PipelineSpec {
  pipelineInfo: { name: string; displayName?: string; description?: string };
  deploymentSpec: { executors: Record<string, ExecutorSpec> };
  sdkVersion: string;
  schemaVersion: string;
  components: Record<string, ComponentSpec>;
  root: ComponentSpec;
  defaultPipelineRoot?: string;
}
