// The analyze phase needs DuckDB (@ctpipe/data); serving and training import only the package root.
export type { SqlEngine } from './aggregates.js';
export { type AnalyzeSplit, analyzeTransform } from './analyze.js';
export { duckDbColumns, rawTypeOfDuckDb } from './raw-types.js';
