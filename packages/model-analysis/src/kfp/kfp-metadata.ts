import { CtpipeError } from '@ctpipe/errors';
import type { SliceMetrics } from '../types/sliced-metrics.js';

/** KFP's system.ClassificationMetrics artifact metadata (what the SDK's log_confusion_matrix writes). */
export interface ClassificationMetricsMetadata {
  confusionMatrix: {
    annotationSpecs: { displayName: string }[];
    /** rows[i].row[j] = examples of true class i predicted as class j. */
    rows: { row: number[] }[];
  };
}

/**
 * The slice's confusion matrix in the shape the KFP and Vertex AI UIs render. (No `confidenceMetrics`: KFP's
 * ROC curve is binary and these metrics are multi-class.)
 */
export function toClassificationMetricsMetadata(
  slice: SliceMetrics,
  classes: string[],
): ClassificationMetricsMetadata {
  const matrix = slice.confusionMatrix;
  if (!matrix || matrix.length !== classes.length || matrix.some((row) => row.length !== classes.length)) {
    throw new CtpipeError('BAD_INPUT', 'The slice has no confusion matrix over these classes', {
      details: {
        expected: `a ${classes.length}×${classes.length} confusion matrix (classification metrics)`,
        found: matrix ? `${matrix.length} rows` : 'none',
      },
    });
  }
  return {
    confusionMatrix: {
      annotationSpecs: classes.map((displayName) => ({ displayName })),
      rows: matrix.map((row) => ({ row: [...row] })),
    },
  };
}

/** KFP's system.Metrics artifact metadata: a flat { name: number } of the slice's metrics. */
export function toMetricsMetadata(slice: SliceMetrics): Record<string, number> {
  return { ...slice.metrics };
}
