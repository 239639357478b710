export { GRAPH_FILE, transform } from './core.js';
export { resolveTransformInputs } from './resolve-inputs.js';
export { type TransformSpec, transformSpec } from './spec.js';
