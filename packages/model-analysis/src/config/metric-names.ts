import { CtpipeError } from '@ctpipe/errors';

/** Headline metric names per task, in the order tables show them. */
export const CLASSIFICATION_METRICS = [
  'example_count',
  'accuracy',
  'log_loss',
  'macro_precision',
  'macro_recall',
  'macro_f1',
  'micro_precision',
  'micro_recall',
  'micro_f1',
  'auc',
  'calibration',
] as const;

/** Reported as `<name>/<class>`. */
export const PER_CLASS_METRICS = [
  'precision',
  'recall',
  'f1',
  'auc',
  'mean_prediction',
  'mean_label',
  'calibration',
] as const;

export const REGRESSION_METRICS = [
  'example_count',
  'mse',
  'rmse',
  'mae',
  'r2',
  'mean_label',
  'mean_prediction',
  'calibration',
] as const;

export function allMetricNames(task: 'classification' | 'regression', classes: readonly string[]): string[] {
  if (task === 'regression') return [...REGRESSION_METRICS];
  const perClass = PER_CLASS_METRICS.flatMap((m) => classes.map((c) => `${m}/${c}`));
  return [...CLASSIFICATION_METRICS, ...perClass];
}

/**
 * The metric names to report. `example_count` is always in; `<name>/*` selects `<name>/<class>` for every class.
 * An unknown name is a config error rather than a silently empty column.
 */
export function selectMetrics(
  requested: readonly string[] | undefined,
  task: 'classification' | 'regression',
  classes: readonly string[],
): Set<string> {
  const all = allMetricNames(task, classes);
  if (requested === undefined) return new Set(all);
  const known = new Set(all);
  const selected = new Set<string>(['example_count']);
  requested.forEach((name, i) => {
    if (name.endsWith('/*')) {
      const prefix = name.slice(0, -1);
      const matches = all.filter((m) => m.startsWith(prefix));
      if (matches.length === 0) throw unknownMetric(name, i, task);
      for (const m of matches) selected.add(m);
    } else if (known.has(name)) {
      selected.add(name);
    } else {
      throw unknownMetric(name, i, task);
    }
  });
  return selected;
}

function unknownMetric(name: string, index: number, task: string): CtpipeError {
  const expected =
    task === 'regression'
      ? REGRESSION_METRICS.join(', ')
      : `${CLASSIFICATION_METRICS.join(', ')}, or <${PER_CLASS_METRICS.join('|')}>/<class or *>`;
  return new CtpipeError('BAD_CONFIG', `Unknown ${task} metric '${name}' in the eval config`, {
    details: { path: `metrics[${index}]`, expected, found: name },
  });
}

const UNIT_INTERVAL = new Set([
  'accuracy',
  'macro_precision',
  'macro_recall',
  'macro_f1',
  'micro_precision',
  'micro_recall',
  'micro_f1',
  'auc',
  'precision',
  'recall',
  'f1',
  'mean_prediction',
  'mean_label',
]);

/** Metrics that live in [0, 1] whatever the data (regression's mean_label/mean_prediction do not). */
export function isUnitIntervalMetric(task: 'classification' | 'regression', name: string): boolean {
  return task === 'classification' && UNIT_INTERVAL.has(name.split('/')[0]!);
}
