export type { Rollback } from './canary/canary-guard.js';
export { chooseVersion, type SplitChoice, splitPoint } from './canary/traffic-split.js';
export { type CliOptions, FLAGS, helpText, parseCliOptions, versionPolicy } from './cli-options.js';
export { createServer, DEFAULT_PORT, type PredictionServer } from './create-server.js';
export { remoteBaseMirror } from './models/mirror-remote-base.js';
export type { VersionState, VersionStatus } from './models/model-versions.js';
export { scanVersions, type VersionFolder } from './models/scan-versions.js';
export { aspiredVersions, versionsToKeep } from './models/version-policy.js';
export {
  NO_LABELS,
  REGISTRY_FILE,
  type RegistryLabels,
  readRegistryLabels,
  removeCanaryLabel,
} from './registry-file.js';
export {
  type BatchingOptions,
  DEFAULT_BATCHING,
  DEFAULT_MAX_BODY_BYTES,
  DEFAULT_POLL_INTERVAL_MS,
  DEFAULT_REQUEST_LOG,
  DEFAULT_ROLLBACK,
  type RequestLogOptions,
  type RollbackOptions,
  type ServerOptions,
  type ServingLogger,
  type VersionPolicy,
  type VertexRoutes,
} from './server-options.js';
export type { ServingStats, VersionStats } from './serving-stats.js';
