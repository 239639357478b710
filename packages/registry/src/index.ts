export { modelDirOf, registryFileOf, resolveBasePath, versionDirOf } from './locations.js';
export {
  ModelRegistry,
  type ModelVersion,
  type OpenRegistryOptions,
  openRegistry,
  type PublishRequest,
  type PublishResult,
} from './model-registry.js';
export { checkLabel, checkModelName, parseVersionRef, type VersionRef } from './names.js';
export { readRegistryFile } from './read-registry.js';
export {
  emptyRegistry,
  parseRegistryFile,
  parseRegistryJson,
  parseRegistryLabels,
  REGISTRY_FILE,
  type RegisteredVersion,
  type RegistryFile,
  serializeRegistry,
} from './registry-file.js';
export {
  addVersion,
  labelsOf,
  promote,
  type Rollout,
  removeLabel,
  resolveRef,
  rollback,
  setCanaryShare,
  setLabel,
} from './transitions.js';
