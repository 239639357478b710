export * from './definition.js';
export type * from './core-types.js';
