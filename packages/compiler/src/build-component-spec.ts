import type { ArtifactDef, ComponentDefinition, InputParameterDef } from '@ctpipe/contract';
import type { PipelineParameterDef } from '@ctpipe/dsl';
import {
  ARTIFACT_SCHEMA_VERSION,
  type ArtifactSpec,
  type ArtifactTypeSchema,
  type ComponentSpec,
  type InputsSpec,
  type OutputsSpec,
  type ParameterSpec,
} from '@ctpipe/ir';

/** The ComponentSpec of a container task, from its component's definition (executorLabel added by the caller). */
export function buildComponentSpecForTask(definition: ComponentDefinition): ComponentSpec {
  const spec: ComponentSpec = {};
  const inputs: InputsSpec = {};
  const params = Object.entries(definition.inputs.parameters ?? {});
  const artifacts = Object.entries(definition.inputs.artifacts ?? {});
  if (params.length > 0)
    inputs.parameters = Object.fromEntries(params.map(([n, d]) => [n, inputParameter(d)]));
  if (artifacts.length > 0)
    inputs.artifacts = Object.fromEntries(artifacts.map(([n, d]) => [n, inputArtifact(d)]));
  if (params.length + artifacts.length > 0) spec.inputDefinitions = inputs;

  const outputs: OutputsSpec = {};
  const outParams = Object.entries(definition.outputs.parameters ?? {});
  const outArtifacts = Object.entries(definition.outputs.artifacts ?? {});
  if (outParams.length > 0) {
    outputs.parameters = Object.fromEntries(
      outParams.map(([n, d]) => [n, { parameterType: d.type, ...describe(d.description) }]),
    );
  }
  if (outArtifacts.length > 0) {
    outputs.artifacts = Object.fromEntries(
      outArtifacts.map(([n, d]) => [
        n,
        { artifactType: artifactTypeSchema(d.type), ...describe(d.description) },
      ]),
    );
  }
  if (outParams.length + outArtifacts.length > 0) spec.outputDefinitions = outputs;
  return spec;
}

/** The root component's inputDefinitions: one parameter per pipeline parameter. */
export function buildRootInputDefinitions(
  parameters: Readonly<Record<string, PipelineParameterDef>>,
): InputsSpec | undefined {
  const entries = Object.entries(parameters);
  if (entries.length === 0) return undefined;
  return { parameters: Object.fromEntries(entries.map(([name, def]) => [name, inputParameter(def)])) };
}

export function artifactTypeSchema(schemaTitle: string): ArtifactTypeSchema {
  return { schemaTitle, schemaVersion: ARTIFACT_SCHEMA_VERSION };
}

function inputParameter(def: InputParameterDef | PipelineParameterDef): ParameterSpec {
  const spec: ParameterSpec = { parameterType: def.type };
  // As the SDK: an input with a default is optional and carries the default; `optional` alone marks it optional.
  if (def.default !== undefined || ('optional' in def && def.optional)) spec.isOptional = true;
  if (def.default !== undefined) spec.defaultValue = def.default;
  return { ...spec, ...describe(def.description) };
}

function inputArtifact(def: ArtifactDef): ArtifactSpec {
  return {
    artifactType: artifactTypeSchema(def.type),
    ...(def.optional ? { isOptional: true } : {}),
    ...describe(def.description),
  };
}

function describe(description: string | undefined): { description?: string } {
  return description ? { description } : {};
}
