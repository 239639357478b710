import { CtpipeError } from '@ctpipe/errors';

export type Direction = 'min' | 'max';

/** What the search optimizes: a metric name and whether smaller or larger is better (keras_tuner.Objective). */
export interface Objective {
  name: string;
  direction: Direction;
}

// Keras Tuner infers through Keras' metric registry: these classes/functions are maximised, every other known
// metric or loss minimised. Names are compared in snake_case and lower case.
const MAX_METRICS = new Set([
  'acc',
  'accuracy',
  'binary_accuracy',
  'categorical_accuracy',
  'sparse_categorical_accuracy',
  'top_k_categorical_accuracy',
  'sparse_top_k_categorical_accuracy',
  'true_positives',
  'true_negatives',
  'precision',
  'recall',
  'auc',
  'sensitivity_at_specificity',
  'specificity_at_sensitivity',
]);

const MIN_METRICS = new Set([
  'loss',
  'crossentropy',
  'ce',
  'binary_crossentropy',
  'categorical_crossentropy',
  'sparse_categorical_crossentropy',
  'mse',
  'mae',
  'mape',
  'msle',
  'mean_squared_error',
  'mean_absolute_error',
  'mean_absolute_percentage_error',
  'mean_squared_logarithmic_error',
  'root_mean_squared_error',
  'hinge',
  'squared_hinge',
  'categorical_hinge',
  'kld',
  'kl_divergence',
  'kullback_leibler_divergence',
  'logcosh',
  'log_cosh',
  'huber',
  'poisson',
  'false_positives',
  'false_negatives',
]);

function snakeCase(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}

/**
 * Keras Tuner's `infer_metric_direction`: strips one `val_` then one `weighted_` prefix and looks the rest
 * up; null when the metric is unknown.
 */
export function inferDirection(metric: string): Direction | null {
  let name = metric.startsWith('val_') ? metric.slice(4) : metric;
  if (name.startsWith('weighted_')) name = name.slice('weighted_'.length);
  const key = snakeCase(name);
  if (MAX_METRICS.has(key)) return 'max';
  if (MIN_METRICS.has(key)) return 'min';
  return null;
}

/** An Objective from a metric name (direction inferred; BAD_CONFIG when it cannot be) or as given. */
export function toObjective(objective: string | Objective): Objective {
  if (typeof objective !== 'string') {
    if (objective.direction !== 'min' && objective.direction !== 'max') {
      throw new CtpipeError('BAD_CONFIG', `objective "${objective.name}" has an invalid direction`, {
        details: { objective: objective.name, expected: 'min | max', found: String(objective.direction) },
      });
    }
    return { name: objective.name, direction: objective.direction };
  }
  const direction = inferDirection(objective);
  if (direction === null) {
    throw new CtpipeError(
      'BAD_CONFIG',
      `cannot infer whether to minimize or maximize "${objective}"; give { name, direction } instead`,
      { details: { objective, expected: '{ name, direction: "min" | "max" }', found: objective } },
    );
  }
  return { name: objective, direction };
}

/** Whether score a beats score b. */
export function isBetter(objective: Objective, a: number, b: number): boolean {
  return objective.direction === 'max' ? a > b : a < b;
}
