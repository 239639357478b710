import type { ClassificationInput } from '../config/check-batch.js';
import type { SliceResult, TaskAnalysis } from '../types/slice-result.js';
import { aucPerSlice } from './auc.js';
import { sumClassification } from './classification-sums.js';
import { rowPredictions } from './row-predictions.js';
import { type ScoreOrder, scoreOrder } from './score-order.js';
import { sliceClassificationMetrics } from './slice-classification-metrics.js';

/**
 * Per-row work (argmax, log loss) and one score sort per class happen here, once; each grouping then costs one
 * pass for the sums plus one walk per class for AUC. AUC is skipped when no AUC metric is selected.
 */
export function classificationAnalysis(input: ClassificationInput, withAuc: boolean): TaskAnalysis {
  const rows = rowPredictions(input);
  const k = input.classes.length;
  const orders: ScoreOrder[] | undefined = withAuc
    ? input.classes.map((_, c) => scoreOrder(input.probabilities, k, c, input.labels))
    : undefined;
  return {
    evaluate(sliceOf, sliceCount, weights): SliceResult[] {
      const sums = sumClassification(input, rows, sliceOf, sliceCount, weights);
      let auc: Float64Array | undefined;
      if (orders) {
        auc = new Float64Array(sliceCount * k);
        orders.forEach((order, c) => {
          const perSlice = aucPerSlice(order, sliceOf, sliceCount, weights);
          for (let s = 0; s < sliceCount; s++) auc![s * k + c] = perSlice[s]!;
        });
      }
      return Array.from({ length: sliceCount }, (_, s) => ({
        exampleCount: sums.examples[s]!,
        unknownLabelCount: sums.unknown[s]!,
        ...sliceClassificationMetrics(sums, s, input.classes, auc),
      }));
    },
  };
}
