export { push } from './core.js';
export { type PushSpec, pushSpec } from './spec.js';
