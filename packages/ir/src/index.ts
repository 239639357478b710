export {
  ARTIFACT_FILTER_STATES,
  type ArtifactFilter,
  type ArtifactFilterClause,
  type ArtifactFilterState,
  parseArtifactFilter,
} from './artifact-filter.js';
export {
  ARTIFACT_SCHEMA_VERSION,
  artifactType,
  SYSTEM_ARTIFACT_TITLES,
  type SystemArtifactTitle,
} from './artifact-types.js';
export { evaluateCondition } from './cel.js';
export type * from './executor-io.js';
export { parameterValueMatches } from './parameter-value-matches.js';
export type * from './pipeline-spec.js';
export {
  type PipelineSpecProblem,
  type PipelineSpecValidation,
  validatePipelineSpec,
} from './validate-pipeline-spec.js';
