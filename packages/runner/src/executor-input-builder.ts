import { join } from 'node:path';
import type { ComponentSpec, ExecutorInput, RuntimeArtifact } from '@ctpipe/ir';
import type { ResolvedInputs } from './resolve-task-inputs.js';
import type { ArtifactRef } from './runtime-artifact.js';

export interface TaskLocation {
  /** Where the task's output artifacts go: `<pipelineRoot>/<pipeline>/<runId>/<taskPath>`. */
  artifactRoot: string;
  /** Local scratch for executor_output.json and output parameter files. */
  localRoot: string;
}

/**
 * Builds the ExecutorInput exactly as the KFP launcher hands it to a container (`{{$}}`):
 * resolved parameter values, input artifacts as RuntimeArtifacts, and where every output must go.
 */
export function buildExecutorInput(
  component: ComponentSpec,
  inputs: ResolvedInputs,
  at: TaskLocation,
): ExecutorInput {
  const inputArtifacts: Record<string, { artifacts: RuntimeArtifact[] }> = {};
  for (const [name, refs] of Object.entries(inputs.artifacts)) {
    inputArtifacts[name] = { artifacts: refs.map(toRuntimeArtifact) };
  }
  const outputParameters: Record<string, { outputFile: string }> = {};
  for (const name of Object.keys(component.outputDefinitions?.parameters ?? {})) {
    outputParameters[name] = { outputFile: join(at.localRoot, 'outputs', 'parameters', name) };
  }
  const outputArtifacts: Record<string, { artifacts: RuntimeArtifact[] }> = {};
  for (const [name, def] of Object.entries(component.outputDefinitions?.artifacts ?? {})) {
    outputArtifacts[name] = {
      artifacts: [{ name, type: def.artifactType, uri: `${at.artifactRoot}/${name}`, metadata: {} }],
    };
  }
  return {
    inputs: { parameterValues: inputs.parameters, artifacts: inputArtifacts },
    outputs: {
      parameters: outputParameters,
      artifacts: outputArtifacts,
      outputFile: join(at.localRoot, 'executor_output.json'),
    },
  };
}

function toRuntimeArtifact(ref: ArtifactRef): RuntimeArtifact {
  return {
    name: ref.id !== undefined ? `artifacts/${ref.id}` : ref.name,
    type: ref.type,
    uri: ref.uri,
    metadata: ref.metadata,
  };
}
