export { createTrainCore, type TrainCoreOptions, train } from './core.js';
export { resolveTrainInputs } from './resolve-inputs.js';
export { type TrainSpec, trainSpec } from './spec.js';
