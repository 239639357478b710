export { type LoadedEnvironment, listEnvironments, loadEnvironment } from './load-settings.js';
export { type Environment, environmentSchema } from './schema.js';
export { resolveSettingsPath } from './settings-path.js';
export { DURATION_PATTERN } from './triggers-schema.js';
