import { isCtpipeError } from '@ctpipe/errors';
import type { Prediction, ServingModel } from '@ctpipe/model';

/** An HTTP-like answer: TF Serving's status code and JSON body text. */
export interface PredictAnswer {
  status: number;
  body: string;
}

type Row = Record<string, unknown>;

/**
 * TF Serving's `:predict` over a loaded model: `{"instances": [{…}, …]}` (row format) answers
 * `{"predictions": […]}`, `{"inputs": {feature: […]}}` (columnar) answers `{"outputs": …}`. With two outputs
 * (probabilities, classes) a row prediction is an object keyed by output name, with one (values) the bare value.
 * Bad requests get 400 `{"error": …}` as TF Serving answers them; a failing model gets 500.
 */
export function handlePredict(
  model: Pick<ServingModel, 'predict' | 'signature'>,
  text: string,
): PredictAnswer {
  let request: unknown;
  try {
    request = JSON.parse(text);
  } catch (err) {
    return error(400, `JSON Parse error: ${(err as Error).message}`);
  }
  if (typeof request !== 'object' || request === null || Array.isArray(request)) {
    return error(400, 'JSON Value: the request body must be an object');
  }
  const body = request as Record<string, unknown>;
  const signatureName = body.signature_name ?? 'serving_default';
  if (signatureName !== model.signature.signature_name) {
    return error(400, `Serving signature name: "${String(signatureName)}" not found in signature def`);
  }
  const hasInstances = 'instances' in body;
  if (hasInstances === 'inputs' in body) {
    return hasInstances
      ? error(400, "JSON object: expecting only one of 'inputs' or 'instances' keys")
      : error(400, "Missing 'inputs' or 'instances' key");
  }
  const rows = hasInstances ? instanceRows(body.instances) : columnarRows(body.inputs);
  if (typeof rows === 'string') return error(400, rows);
  let prediction: Prediction;
  try {
    prediction = model.predict(rows);
  } catch (err) {
    const message = isCtpipeError(err) ? err.oneLine() : String((err as Error).message ?? err);
    return error(isCtpipeError(err) && err.code === 'BAD_INPUT' ? 400 : 500, message);
  }
  return {
    status: 200,
    body: JSON.stringify(hasInstances ? rowAnswer(prediction) : columnarAnswer(prediction)),
  };
}

function instanceRows(instances: unknown): Row[] | string {
  if (!Array.isArray(instances) || instances.length === 0) {
    return "'instances' must be a non-empty array of objects";
  }
  for (const [i, row] of instances.entries()) {
    if (typeof row !== 'object' || row === null || Array.isArray(row)) {
      return `instances[${i}] is not an object of named inputs`;
    }
  }
  return instances as Row[];
}

function columnarRows(inputs: unknown): Row[] | string {
  if (typeof inputs !== 'object' || inputs === null || Array.isArray(inputs)) {
    return "'inputs' must be an object of named input columns";
  }
  const columns = Object.entries(inputs as Record<string, unknown>);
  const n = columns.length > 0 && Array.isArray(columns[0]![1]) ? columns[0]![1].length : 0;
  if (n === 0) return "'inputs' must hold non-empty lists";
  for (const [name, values] of columns) {
    if (!Array.isArray(values) || values.length !== n) {
      return `input '${name}' has ${Array.isArray(values) ? values.length : 'no list of'} values; all inputs must share dim 0 (${n})`;
    }
  }
  return Array.from({ length: n }, (_, r) =>
    Object.fromEntries(columns.map(([name, values]) => [name, (values as unknown[])[r]])),
  );
}

function rowAnswer(prediction: Prediction): { predictions: unknown[] } {
  if ('values' in prediction) return { predictions: prediction.values };
  return {
    predictions: prediction.probabilities.map((probabilities, i) => ({
      probabilities,
      classes: prediction.classes[i],
    })),
  };
}

function columnarAnswer(prediction: Prediction): { outputs: unknown } {
  if ('values' in prediction) return { outputs: prediction.values };
  return { outputs: { probabilities: prediction.probabilities, classes: prediction.classes } };
}

function error(status: number, message: string): PredictAnswer {
  return { status, body: JSON.stringify({ error: message }) };
}
