/**
 * The messages of kubeflow/pipelines api/v2alpha1/pipeline_spec.proto that a PipelineSpec can contain,
 * as data: message → JSON field name → type. JSON names are the proto3 lowerCamel forms the SDK writes.
 * `deploymentSpec` is a google.protobuf.Struct in the proto but always holds a PipelineDeploymentConfig.
 */

export type Scalar = 'string' | 'bool' | 'int32' | 'int64' | 'double' | 'duration' | 'value' | 'struct';

export interface FieldSpec {
  readonly type: Scalar | { readonly enum: EnumName } | { readonly message: string };
  readonly container?: 'map' | 'list';
  /** Fields sharing a oneof group are alternatives: at most one may be set. */
  readonly oneof?: string;
}

export const ENUMS = {
  PrimitiveTypeEnum: ['PRIMITIVE_TYPE_UNSPECIFIED', 'INT', 'DOUBLE', 'STRING'],
  ParameterTypeEnum: [
    'PARAMETER_TYPE_ENUM_UNSPECIFIED',
    'NUMBER_DOUBLE',
    'NUMBER_INTEGER',
    'STRING',
    'BOOLEAN',
    'LIST',
    'STRUCT',
    'TASK_FINAL_STATUS',
    'TASK_CONFIG',
  ],
  TriggerStrategy: [
    'TRIGGER_STRATEGY_UNSPECIFIED',
    'ALL_UPSTREAM_TASKS_SUCCEEDED',
    'ALL_UPSTREAM_TASKS_COMPLETED',
  ],
  TaskConfigPassthroughTypeEnum: [
    'NONE',
    'RESOURCES',
    'ENV',
    'KUBERNETES_AFFINITY',
    'KUBERNETES_TOLERATIONS',
    'KUBERNETES_NODE_SELECTOR',
    'KUBERNETES_VOLUMES',
  ],
} as const;
export type EnumName = keyof typeof ENUMS;

const STRING: FieldSpec = { type: 'string' };
const BOOL: FieldSpec = { type: 'bool' };
const INT32: FieldSpec = { type: 'int32' };
const DOUBLE: FieldSpec = { type: 'double' };
const STRUCT: FieldSpec = { type: 'struct' };
const msg = (message: string): FieldSpec => ({ type: { message } });
const enumOf = (name: EnumName): FieldSpec => ({ type: { enum: name } });
const mapOf = (spec: FieldSpec): FieldSpec => ({ ...spec, container: 'map' });
const listOf = (spec: FieldSpec): FieldSpec => ({ ...spec, container: 'list' });
const oneof = (group: string, spec: FieldSpec): FieldSpec => ({ ...spec, oneof: group });

const MESSAGE_TABLE: Record<string, Record<string, FieldSpec>> = {
  PipelineSpec: {
    pipelineInfo: msg('PipelineInfo'),
    deploymentSpec: msg('PipelineDeploymentConfig'),
    sdkVersion: STRING,
    schemaVersion: STRING,
    components: mapOf(msg('ComponentSpec')),
    root: msg('ComponentSpec'),
    defaultPipelineRoot: STRING,
  },
  PipelineInfo: { name: STRING, displayName: STRING, description: STRING },
  ComponentSpec: {
    inputDefinitions: msg('ComponentInputsSpec'),
    outputDefinitions: msg('ComponentOutputsSpec'),
    dag: oneof('implementation', msg('DagSpec')),
    executorLabel: oneof('implementation', STRING),
    singlePlatformSpecs: listOf(msg('SinglePlatformSpec')),
    taskConfigPassthroughs: listOf(msg('TaskConfigPassthrough')),
  },
  DagSpec: { tasks: mapOf(msg('PipelineTaskSpec')), outputs: msg('DagOutputsSpec') },
  DagOutputsSpec: {
    artifacts: mapOf(msg('DagOutputsSpec.DagOutputArtifactSpec')),
    parameters: mapOf(msg('DagOutputsSpec.DagOutputParameterSpec')),
  },
  'DagOutputsSpec.DagOutputArtifactSpec': {
    artifactSelectors: listOf(msg('DagOutputsSpec.ArtifactSelectorSpec')),
  },
  'DagOutputsSpec.ArtifactSelectorSpec': { producerSubtask: STRING, outputArtifactKey: STRING },
  'DagOutputsSpec.DagOutputParameterSpec': {
    valueFromParameter: oneof('kind', msg('DagOutputsSpec.ParameterSelectorSpec')),
    valueFromOneof: oneof('kind', msg('DagOutputsSpec.ParameterSelectorsSpec')),
  },
  'DagOutputsSpec.ParameterSelectorSpec': { producerSubtask: STRING, outputParameterKey: STRING },
  'DagOutputsSpec.ParameterSelectorsSpec': {
    parameterSelectors: listOf(msg('DagOutputsSpec.ParameterSelectorSpec')),
  },
  ComponentInputsSpec: {
    artifacts: mapOf(msg('ComponentInputsSpec.ArtifactSpec')),
    parameters: mapOf(msg('ComponentInputsSpec.ParameterSpec')),
  },
  'ComponentInputsSpec.ArtifactSpec': {
    artifactType: msg('ArtifactTypeSchema'),
    isArtifactList: BOOL,
    isOptional: BOOL,
    description: STRING,
  },
  'ComponentInputsSpec.ParameterSpec': {
    type: enumOf('PrimitiveTypeEnum'),
    parameterType: enumOf('ParameterTypeEnum'),
    defaultValue: { type: 'value' },
    isOptional: BOOL,
    description: STRING,
    literals: listOf({ type: 'value' }),
  },
  ComponentOutputsSpec: {
    artifacts: mapOf(msg('ComponentOutputsSpec.ArtifactSpec')),
    parameters: mapOf(msg('ComponentOutputsSpec.ParameterSpec')),
  },
  'ComponentOutputsSpec.ArtifactSpec': {
    artifactType: msg('ArtifactTypeSchema'),
    properties: mapOf(msg('ValueOrRuntimeParameter')),
    customProperties: mapOf(msg('ValueOrRuntimeParameter')),
    metadata: STRUCT,
    isArtifactList: BOOL,
    description: STRING,
  },
  'ComponentOutputsSpec.ParameterSpec': {
    type: enumOf('PrimitiveTypeEnum'),
    parameterType: enumOf('ParameterTypeEnum'),
    description: STRING,
  },
  TaskInputsSpec: {
    parameters: mapOf(msg('TaskInputsSpec.InputParameterSpec')),
    artifacts: mapOf(msg('TaskInputsSpec.InputArtifactSpec')),
  },
  'TaskInputsSpec.InputArtifactSpec': {
    taskOutputArtifact: oneof('kind', msg('TaskInputsSpec.InputArtifactSpec.TaskOutputArtifactSpec')),
    componentInputArtifact: oneof('kind', STRING),
  },
  'TaskInputsSpec.InputArtifactSpec.TaskOutputArtifactSpec': {
    producerTask: STRING,
    outputArtifactKey: STRING,
  },
  'TaskInputsSpec.InputParameterSpec': {
    taskOutputParameter: oneof('kind', msg('TaskInputsSpec.InputParameterSpec.TaskOutputParameterSpec')),
    runtimeValue: oneof('kind', msg('ValueOrRuntimeParameter')),
    componentInputParameter: oneof('kind', STRING),
    taskFinalStatus: oneof('kind', msg('TaskInputsSpec.InputParameterSpec.TaskFinalStatus')),
    parameterExpressionSelector: STRING,
  },
  'TaskInputsSpec.InputParameterSpec.TaskOutputParameterSpec': {
    producerTask: STRING,
    outputParameterKey: STRING,
  },
  'TaskInputsSpec.InputParameterSpec.TaskFinalStatus': { producerTask: STRING },
  PipelineTaskSpec: {
    taskInfo: msg('PipelineTaskInfo'),
    inputs: msg('TaskInputsSpec'),
    dependentTasks: listOf(STRING),
    cachingOptions: msg('PipelineTaskSpec.CachingOptions'),
    componentRef: msg('ComponentRef'),
    triggerPolicy: msg('PipelineTaskSpec.TriggerPolicy'),
    artifactIterator: oneof('iterator', msg('ArtifactIteratorSpec')),
    parameterIterator: oneof('iterator', msg('ParameterIteratorSpec')),
    retryPolicy: msg('PipelineTaskSpec.RetryPolicy'),
    iteratorPolicy: msg('PipelineTaskSpec.IteratorPolicy'),
  },
  'PipelineTaskSpec.CachingOptions': { enableCache: BOOL, cacheKey: STRING },
  'PipelineTaskSpec.TriggerPolicy': { condition: STRING, strategy: enumOf('TriggerStrategy') },
  'PipelineTaskSpec.RetryPolicy': {
    maxRetryCount: INT32,
    backoffDuration: { type: 'duration' },
    backoffFactor: DOUBLE,
    backoffMaxDuration: { type: 'duration' },
  },
  'PipelineTaskSpec.IteratorPolicy': { parallelismLimit: INT32 },
  ArtifactIteratorSpec: { items: msg('ArtifactIteratorSpec.ItemsSpec'), itemInput: STRING },
  'ArtifactIteratorSpec.ItemsSpec': { inputArtifact: STRING },
  ParameterIteratorSpec: { items: msg('ParameterIteratorSpec.ItemsSpec'), itemInput: STRING },
  'ParameterIteratorSpec.ItemsSpec': { raw: oneof('kind', STRING), inputParameter: oneof('kind', STRING) },
  ComponentRef: { name: STRING },
  PipelineTaskInfo: { name: STRING },
  ArtifactTypeSchema: {
    schemaTitle: oneof('kind', STRING),
    schemaUri: oneof('kind', STRING),
    instanceSchema: oneof('kind', STRING),
    schemaVersion: STRING,
  },
  ValueOrRuntimeParameter: {
    constantValue: oneof('value', msg('Value')),
    runtimeParameter: oneof('value', STRING),
    constant: oneof('value', { type: 'value' }),
  },
  /** ml_pipelines.Value (deprecated), not google.protobuf.Value. */
  Value: {
    intValue: oneof('value', { type: 'int64' }),
    doubleValue: oneof('value', DOUBLE),
    stringValue: oneof('value', STRING),
  },
  PipelineDeploymentConfig: { executors: mapOf(msg('PipelineDeploymentConfig.ExecutorSpec')) },
  'PipelineDeploymentConfig.ExecutorSpec': {
    container: oneof('spec', msg('PipelineDeploymentConfig.PipelineContainerSpec')),
    importer: oneof('spec', msg('PipelineDeploymentConfig.ImporterSpec')),
    resolver: oneof('spec', msg('PipelineDeploymentConfig.ResolverSpec')),
    customJob: oneof('spec', msg('PipelineDeploymentConfig.AIPlatformCustomJobSpec')),
  },
  'PipelineDeploymentConfig.PipelineContainerSpec': {
    image: STRING,
    command: listOf(STRING),
    args: listOf(STRING),
    lifecycle: msg('PipelineDeploymentConfig.PipelineContainerSpec.Lifecycle'),
    resources: msg('PipelineDeploymentConfig.PipelineContainerSpec.ResourceSpec'),
    env: listOf(msg('PipelineDeploymentConfig.PipelineContainerSpec.EnvVar')),
  },
  'PipelineDeploymentConfig.PipelineContainerSpec.Lifecycle': {
    preCacheCheck: msg('PipelineDeploymentConfig.PipelineContainerSpec.Lifecycle.Exec'),
  },
  'PipelineDeploymentConfig.PipelineContainerSpec.Lifecycle.Exec': {
    command: listOf(STRING),
    args: listOf(STRING),
  },
  'PipelineDeploymentConfig.PipelineContainerSpec.ResourceSpec': {
    cpuLimit: DOUBLE,
    memoryLimit: DOUBLE,
    cpuRequest: DOUBLE,
    memoryRequest: DOUBLE,
    resourceCpuLimit: STRING,
    resourceMemoryLimit: STRING,
    resourceCpuRequest: STRING,
    resourceMemoryRequest: STRING,
    accelerator: msg('PipelineDeploymentConfig.PipelineContainerSpec.ResourceSpec.AcceleratorConfig'),
  },
  'PipelineDeploymentConfig.PipelineContainerSpec.ResourceSpec.AcceleratorConfig': {
    type: STRING,
    count: { type: 'int64' },
    resourceType: STRING,
    resourceCount: STRING,
  },
  'PipelineDeploymentConfig.PipelineContainerSpec.EnvVar': { name: STRING, value: STRING },
  'PipelineDeploymentConfig.ImporterSpec': {
    artifactUri: msg('ValueOrRuntimeParameter'),
    typeSchema: msg('ArtifactTypeSchema'),
    properties: mapOf(msg('ValueOrRuntimeParameter')),
    customProperties: mapOf(msg('ValueOrRuntimeParameter')),
    reimport: BOOL,
    metadata: STRUCT,
    downloadToWorkspace: BOOL,
  },
  'PipelineDeploymentConfig.ResolverSpec': {
    outputArtifactQueries: mapOf(msg('PipelineDeploymentConfig.ResolverSpec.ArtifactQuerySpec')),
  },
  'PipelineDeploymentConfig.ResolverSpec.ArtifactQuerySpec': { filter: STRING, limit: INT32 },
  'PipelineDeploymentConfig.AIPlatformCustomJobSpec': { customJob: STRUCT },
  SinglePlatformSpec: {
    deploymentSpec: msg('PlatformDeploymentConfig'),
    platform: STRING,
    config: STRUCT,
    pipelineConfig: msg('PipelineConfig'),
  },
  PlatformDeploymentConfig: { executors: mapOf(STRUCT) },
  PipelineConfig: {
    resourceTtlOnCompletion: INT32,
    workspace: msg('WorkspaceConfig'),
    resourceTtlOnSuccess: INT32,
    resourceTtlOnFailure: INT32,
    activeDeadlineSeconds: INT32,
  },
  WorkspaceConfig: { size: STRING, kubernetes: msg('KubernetesWorkspaceConfig') },
  KubernetesWorkspaceConfig: { pvcSpecPatch: STRUCT },
  TaskConfigPassthrough: { field: enumOf('TaskConfigPassthroughTypeEnum'), applyToTask: BOOL },
};

/** Message name (nested ones as `Outer.Inner`) → JSON field name → field. A test checks every reference resolves. */
export const MESSAGES: Readonly<Record<string, Readonly<Record<string, FieldSpec>>>> = MESSAGE_TABLE;
