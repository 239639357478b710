import { CtpipeError } from '@ctpipe/errors';
import type { ServingSignature } from '@ctpipe/model';
import { describe, expect, it } from 'vitest';
import { handlePredict } from './predict-request.js';

const signature: ServingSignature = {
  signature_name: 'serving_default',
  method_name: 'tensorflow/serving/predict',
  inputs: { x: { dtype: 'DT_FLOAT', shape: [-1], raw_type: 'number' } },
  outputs: {},
  task: { kind: 'classification', label_vocabulary: ['no', 'yes'] },
};

/** Predicts 'yes' with probability x (clamped), and rejects a string x as the TransformGraph would. */
const model = {
  signature,
  predict(rows: readonly Readonly<Record<string, unknown>>[]) {
    const probabilities = rows.map((r) => {
      if (typeof r.x !== 'number') {
        throw new CtpipeError('BAD_INPUT', 'x is not a number', { details: { column: 'x' } });
      }
      return [1 - r.x, r.x];
    });
    return { probabilities, classes: probabilities.map((p) => (p[1]! > 0.5 ? 'yes' : 'no')) };
  },
};

const ask = (body: unknown) => {
  const answer = handlePredict(model, typeof body === 'string' ? body : JSON.stringify(body));
  return { status: answer.status, body: JSON.parse(answer.body) };
};

describe('handlePredict (TF Serving :predict)', () => {
  it('answers the row format with one object per instance, keyed by output name', () => {
    expect(ask({ instances: [{ x: 0.25 }, { x: 0.75 }] })).toEqual({
      status: 200,
      body: {
        predictions: [
          { probabilities: [0.75, 0.25], classes: 'no' },
          { probabilities: [0.25, 0.75], classes: 'yes' },
        ],
      },
    });
  });

  it('answers the columnar format with outputs by name', () => {
    expect(ask({ signature_name: 'serving_default', inputs: { x: [0.25, 0.75] } })).toEqual({
      status: 200,
      body: {
        outputs: {
          probabilities: [
            [0.75, 0.25],
            [0.25, 0.75],
          ],
          classes: ['no', 'yes'],
        },
      },
    });
  });

  it('rejects requests TF Serving rejects, with its messages', () => {
    expect(ask({ instances: [{ x: 1 }], inputs: { x: [1] } })).toEqual({
      status: 400,
      body: { error: "JSON object: expecting only one of 'inputs' or 'instances' keys" },
    });
    expect(ask({})).toEqual({ status: 400, body: { error: "Missing 'inputs' or 'instances' key" } });
    expect(ask({ instances: [] }).body.error).toBe("'instances' must be a non-empty array of objects");
    expect(ask({ instances: [1] }).body.error).toBe('instances[0] is not an object of named inputs');
    expect(ask({ inputs: { x: [1, 2], y: [1] } }).body.error).toBe(
      "input 'y' has 1 values; all inputs must share dim 0 (2)",
    );
    expect(ask({ signature_name: 'classify', instances: [{ x: 1 }] })).toEqual({
      status: 400,
      body: { error: 'Serving signature name: "classify" not found in signature def' },
    });
    expect(ask('{"instances": [').status).toBe(400);
    expect(ask('{"instances": [').body.error).toMatch(/^JSON Parse error: /);
  });

  it('answers 400 with the model’s message when the input is bad for the model', () => {
    expect(ask({ instances: [{ x: 'a lot' }] })).toEqual({
      status: 400,
      body: { error: 'BAD_INPUT: x is not a number (column=x)' },
    });
  });
});
