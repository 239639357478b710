export { extract } from './core.js';
export { type ExtractSpec, extractSpec } from './spec.js';
