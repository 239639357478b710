export {
  diffDefinitions,
  type ParsedComponentYaml,
  parseComponentYaml,
  renderComponentYaml,
} from './component-yaml.js';
export type * from './core-types.js';
export * from './definition.js';
export { coerceParameter, parseExecutorInput, type ResolvedExecutorInput } from './executor-input.js';
export { loadComponent } from './load-component.js';
export { createLogger, type LoggerOptions } from './logger.js';
export {
  executeComponent,
  PRE_CACHE_CHECK_FLAG,
  type RunComponentOptions,
  runComponent,
} from './run-component.js';
export { seededRandom } from './seeded-random.js';
