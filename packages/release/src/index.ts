export { type AffectedPackages, affectedPackages, IMAGE_GLOBAL_FILES } from './affected.js';
export { type ImageChange, setComponentImages } from './component-images.js';
export { type ComponentPackage, listComponents } from './components.js';
export { contentTag, imageGlobalsDigest } from './content-tag.js';
export { artifactRegistryDocker } from './docker-registry-api.js';
export { googleAccessToken, noGoogleCredentials, type TokenSource } from './google-token.js';
export {
  applyRetags,
  type BuildCommandOptions,
  dockerBuildCommands,
  dockerBuildScript,
} from './image-build.js';
export {
  type ImageAction,
  type ImagePlan,
  type PlannedImage,
  type PlanOptions,
  planImages,
} from './image-plan.js';
export { componentImage, imageName, splitImage, validateRegistry, validateTag } from './image-ref.js';
export type { ImageRegistry } from './image-registry.js';
export { validateKfpHost } from './kfp-host.js';
export {
  fetchPipelineTemplate,
  type PublishedTemplate,
  type PublishOptions,
  publishPipeline,
} from './kfp-publish.js';
export { setPipelineFileImages, setPipelineImages } from './pipeline-images.js';
export { buildTaskHashes, listFilteredPackages, runTurbo, type TurboOptions } from './turbo.js';
