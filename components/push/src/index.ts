export { createPush, type PushDeps, push } from './core.js';
export { type PushSpec, pushSpec } from './spec.js';
export {
  createVertexClients,
  deployToVertex,
  type VertexClients,
  type VertexDeployment,
  type VertexDeployResult,
} from './vertex-deploy.js';
export {
  buildDeployModelRequest,
  buildUploadModelRequest,
  type DeployModelInput,
  type DeployModelRequest,
  type UploadModelInput,
  type UploadModelRequest,
} from './vertex-requests.js';
