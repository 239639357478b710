import type { ArtifactTypeSchema, JsonObject, JsonValue } from './pipeline-spec.js';

/**
 * What a launcher hands a container (`{{$}}`) and reads back from `outputs.outputFile`:
 * `ml_pipelines.ExecutorInput` / `ExecutorOutput` in proto3 JSON.
 */

export interface RuntimeArtifact {
  /** Vertex: the metadata resource name; KFP/local: the output key or an id. */
  name?: string;
  type: ArtifactTypeSchema;
  uri: string;
  metadata?: JsonObject;
  customPath?: string;
}

export interface ArtifactList {
  artifacts: RuntimeArtifact[];
}

export interface ExecutorInput {
  inputs?: {
    parameterValues?: Record<string, JsonValue>;
    artifacts?: Record<string, ArtifactList>;
  };
  outputs?: {
    parameters?: Record<string, { outputFile: string }>;
    artifacts?: Record<string, ArtifactList>;
    outputFile: string;
  };
}

export interface ExecutorOutput {
  parameterValues?: Record<string, JsonValue>;
  artifacts?: Record<string, { artifacts: { name?: string; uri?: string; metadata?: JsonObject }[] }>;
}
