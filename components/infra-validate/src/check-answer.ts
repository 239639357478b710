import type { ServingSignature } from '@ctpipe/model';

/** How far a probability vector's sum may stray from 1 (float32 softmax rounding is ~1e-7 per class). */
const SUM_TOLERANCE = 1e-3;
/** Problems listed per answer: one bad answer usually repeats the same fault for every instance. */
const MAX_PROBLEMS = 3;

/**
 * What is wrong with a predict answer, as sentences (none = well-formed): HTTP 200, one prediction per instance,
 * and each prediction what the signature promises — finite probabilities over the label vocabulary summing to
 * ≈ 1 with `classes` their argmax label, or a finite value for a regressor.
 */
export function answerProblems(
  answer: { status: number; body: string },
  instances: number,
  signature: ServingSignature,
): string[] {
  let body: unknown;
  try {
    body = JSON.parse(answer.body);
  } catch {
    return [`HTTP ${answer.status} with a body that is not JSON: ${answer.body.slice(0, 200)}`];
  }
  if (answer.status !== 200) {
    const message = (body as { error?: unknown } | null)?.error;
    return [`HTTP ${answer.status}: ${typeof message === 'string' ? message : answer.body.slice(0, 200)}`];
  }
  const predictions = (body as { predictions?: unknown } | null)?.predictions;
  if (!Array.isArray(predictions)) return ["the answer has no 'predictions' list"];
  if (predictions.length !== instances) {
    return [`${predictions.length} predictions for ${instances} instances`];
  }
  const problems: string[] = [];
  for (const [i, prediction] of predictions.entries()) {
    const problem =
      signature.task.kind === 'classification'
        ? classificationProblem(prediction, signature.task.label_vocabulary)
        : typeof prediction === 'number' && Number.isFinite(prediction)
          ? undefined
          : `a value that is not a finite number (${JSON.stringify(prediction)})`;
    if (problem) problems.push(`prediction ${i}: ${problem}`);
    if (problems.length === MAX_PROBLEMS) break;
  }
  return problems;
}

function classificationProblem(prediction: unknown, vocabulary: readonly string[]): string | undefined {
  if (typeof prediction !== 'object' || prediction === null) return 'not an object of outputs';
  const { probabilities, classes } = prediction as { probabilities?: unknown; classes?: unknown };
  if (!Array.isArray(probabilities) || probabilities.length !== vocabulary.length) {
    return `'probabilities' is not a list of ${vocabulary.length} numbers (one per class)`;
  }
  if (!probabilities.every((p) => typeof p === 'number' && Number.isFinite(p) && p >= 0 && p <= 1)) {
    return `probabilities outside [0, 1] or not finite: ${JSON.stringify(probabilities)}`;
  }
  const sum = (probabilities as number[]).reduce((a, b) => a + b, 0);
  if (Math.abs(sum - 1) > SUM_TOLERANCE) return `probabilities sum to ${sum}, not 1`;
  if (typeof classes !== 'string' || !vocabulary.includes(classes)) {
    return `class ${JSON.stringify(classes)} is not one of the signature's labels (${vocabulary.join(', ')})`;
  }
  const best = vocabulary[argMax(probabilities as number[])];
  if (classes !== best) return `class '${classes}' is not the most probable one ('${best}')`;
  return undefined;
}

function argMax(values: readonly number[]): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i]! > values[best]!) best = i;
  return best;
}
