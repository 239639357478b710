import type { Execution, JsonObject } from '../entities.js';
import type { InputArtifactRef, OutputArtifactInput, StartRunInput } from '../inputs.js';
import type { MetadataStore } from '../store.js';

export const RUNNER_PID = 4242;

export function runInput(runId: string, overrides: Partial<StartRunInput> = {}): StartRunInput {
  return {
    runId,
    pipelineName: 'ct',
    pipelineSpecDigest: 'sha256:spec',
    parameters: { epochs: 3 },
    pid: RUNNER_PID,
    ...overrides,
  };
}

export interface TaskSpec {
  runId: string;
  taskName: string;
  componentName?: string;
  cacheKey?: string;
  inputParameters?: JsonObject;
  inputs?: InputArtifactRef[];
  /** Output keys; each becomes a system.Dataset under /art/<runId>/<task>/<key>. */
  outputs?: string[];
  outputParameters?: JsonObject;
}

export function outputArtifact(runId: string, taskName: string, key: string): OutputArtifactInput {
  return {
    key,
    uri: `/art/${runId}/${taskName}/${key}`,
    typeTitle: 'system.Dataset',
    metadata: { task: taskName },
  };
}

/** Starts and completes one task, as the runner does for a successful container. */
export async function runTask(store: MetadataStore, task: TaskSpec): Promise<Execution> {
  const id = await store.startExecution({
    runId: task.runId,
    taskName: task.taskName,
    componentName: task.componentName ?? task.taskName,
    cacheKey: task.cacheKey,
    inputParameters: task.inputParameters ?? {},
    inputArtifacts: task.inputs ?? [],
    pid: RUNNER_PID,
  });
  return store.completeExecution(id, {
    outputParameters: task.outputParameters ?? {},
    outputArtifacts: (task.outputs ?? []).map((key) => outputArtifact(task.runId, task.taskName, key)),
  });
}

/** The artifact id of an execution's output `key`. */
export function outputId(execution: Execution, key: string): number {
  const ref = execution.outputs.find((o) => o.key === key);
  if (!ref) throw new Error(`execution ${execution.id} has no output ${key}`);
  return ref.artifactId;
}
