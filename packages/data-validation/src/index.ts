export type * from './types/anomalies.js';
export type * from './types/schema.js';
export type * from './types/statistics.js';
