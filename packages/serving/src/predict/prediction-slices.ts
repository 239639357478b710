import type { Prediction } from '@ctpipe/model';

/** Rows [start, end) of a prediction: each request of a merged batch gets its own. */
export function slicePrediction(prediction: Prediction, start: number, end: number): Prediction {
  if ('values' in prediction) return { values: prediction.values.slice(start, end) };
  return {
    probabilities: prediction.probabilities.slice(start, end),
    classes: prediction.classes.slice(start, end),
  };
}

/** Instance i's prediction as one row-format entry: `{probabilities, classes}` or the bare value. */
export function instancePrediction(prediction: Prediction, i: number): unknown {
  if ('values' in prediction) return prediction.values[i];
  return { probabilities: prediction.probabilities[i], classes: prediction.classes[i] };
}

/**
 * TF Serving's answer shapes. Row format: `{"predictions": [...]}`, one entry per instance, an object keyed
 * by output name when there are several outputs (`{"probabilities": [...], "classes": "Gentoo"}`: classes has
 * shape [-1], so one string per instance), the bare value with one output (regression). Columnar format:
 * `{"outputs": {"probabilities": [[...]], "classes": [...]}}` or `{"outputs": [...]}`.
 */
export function predictResponseBody(prediction: Prediction, format: 'row' | 'columnar'): string {
  if (format === 'columnar') {
    return JSON.stringify({ outputs: 'values' in prediction ? prediction.values : prediction });
  }
  if ('values' in prediction) return JSON.stringify({ predictions: prediction.values });
  const predictions = new Array(prediction.classes.length);
  for (let i = 0; i < predictions.length; i++) {
    predictions[i] = { probabilities: prediction.probabilities[i], classes: prediction.classes[i] };
  }
  return JSON.stringify({ predictions });
}
