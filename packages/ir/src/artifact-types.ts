import type { ArtifactTypeSchema } from './pipeline-spec.js';

/** KFP's `system.*` schema titles; ctpipe types its artifacts with these so Vertex's UI understands them. */
export const SYSTEM_ARTIFACT_TITLES = [
  'system.Artifact',
  'system.Dataset',
  'system.Model',
  'system.Metrics',
  'system.ClassificationMetrics',
  'system.SlicedClassificationMetrics',
  'system.HTML',
  'system.Markdown',
] as const;

export type SystemArtifactTitle = (typeof SYSTEM_ARTIFACT_TITLES)[number];

export const ARTIFACT_SCHEMA_VERSION = '0.0.1';

export function artifactType(title: SystemArtifactTitle | `google.${string}`): ArtifactTypeSchema {
  return { schemaTitle: title, schemaVersion: ARTIFACT_SCHEMA_VERSION };
}
