export { evaluate } from './core.js';
export { DEFAULT_EVAL_CONFIG } from './default-eval-config.js';
export { type EvaluateSpec, evaluateSpec } from './spec.js';
export { BLESSED, EVALUATION_FILE, NOT_BLESSED, REPORT_FILE } from './write-evaluation.js';
