export { validate } from './core.js';
export { readStatisticsArtifact, STATS_FILE } from './read-statistics.js';
export { type ValidateSpec, validateSpec } from './spec.js';
