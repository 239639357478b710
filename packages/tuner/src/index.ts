export {
  type HyperbandBracket,
  type HyperbandRound,
  hyperbandSchedule,
} from './hyperband-schedule.js';
export {
  type BooleanHp,
  type ChoiceHp,
  type Condition,
  defaultValue,
  type FixedHp,
  type FloatHp,
  type HpValue,
  type HyperParameter,
  type IntHp,
  isActive,
  type Sampling,
} from './hyperparameter.js';
export { HyperParameters } from './hyperparameters.js';
export type {
  BooleanOptions,
  ChoiceOptions,
  ConditionOptions,
  NumericOptions,
} from './internal/define.js';
export type {
  ConditionConfig,
  HyperParameterConfig,
  HyperParametersConfig,
} from './internal/keras-config.js';
export { type Direction, inferDirection, isBetter, type Objective, toObjective } from './objective.js';
export { BayesianOptimization, Hyperband, type OracleSpec, RandomSearch } from './oracle-spec.js';
export { parseHyperParameters } from './parse-hyperparameters.js';
export { runSearch, type SearchOptions } from './search.js';
export { type SearchResult, tunerResults } from './search-result.js';
export type {
  JsonValue,
  SearchEvent,
  Trial,
  TrialContext,
  TrialFunction,
  TrialRecord,
  TrialResult,
  TrialRunner,
  TrialStatus,
  TrialWorker,
} from './trial.js';
