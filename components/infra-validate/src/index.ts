export { answerProblems } from './check-answer.js';
export {
  createInfraValidateCore,
  INFRA_BLESSED,
  INFRA_NOT_BLESSED,
  type InfraValidateOptions,
  infraValidate,
} from './core.js';
export { handlePredict, type PredictAnswer } from './predict-request.js';
export { type InfraValidateSpec, infraValidateSpec } from './spec.js';
