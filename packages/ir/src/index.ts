export type * from './pipeline-spec.js';
export type * from './executor-io.js';
export {
  ARTIFACT_SCHEMA_VERSION,
  SYSTEM_ARTIFACT_TITLES,
  type SystemArtifactTitle,
  artifactType,
} from './artifact-types.js';
