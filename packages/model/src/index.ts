export { BACKEND_ORDER, type BackendName, type SelectBackendOptions, selectBackend } from './backend.js';
export type { Examples } from './evaluate-model.js';
export {
  type ExportModelOptions,
  exportModel,
  HYPERPARAMETERS_FILE,
  SIGNATURE_FILE,
  TRANSFORM_GRAPH_FILE,
} from './export-model.js';
export type { TransformedRows } from './input-layout.js';
export { loadLayersModel, MODEL_JSON, saveLayersModel } from './layers-model-files.js';
export { type InputLayers, inputLayers, type ModelInput, modelInputs } from './model-inputs.js';
export { modelShape } from './model-shape.js';
export type * from './module-contract.js';
export { loadServingModel, type Prediction, type ServingModel } from './serving-model.js';
export { type ServingSignature, servingSignature, type TensorInfo } from './signature.js';
export {
  type EpochLogs,
  type History,
  type TrainModelOptions,
  type TrainModelResult,
  trainModel,
} from './train-model.js';
