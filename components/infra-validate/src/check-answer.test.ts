import type { ServingSignature } from '@ctpipe/model';
import { describe, expect, it } from 'vitest';
import { answerProblems } from './check-answer.js';

const classifier: ServingSignature = {
  signature_name: 'serving_default',
  method_name: 'tensorflow/serving/predict',
  inputs: {},
  outputs: {},
  task: { kind: 'classification', label_vocabulary: ['a', 'b', 'c'] },
};
const regressor: ServingSignature = { ...classifier, task: { kind: 'regression' } };
const ok = (body: unknown) => ({ status: 200, body: JSON.stringify(body) });
const row = (probabilities: unknown, classes: unknown) => ({ probabilities, classes });

describe('answerProblems', () => {
  it('finds nothing wrong with a well-formed classification answer', () => {
    const answer = ok({ predictions: [row([0.2, 0.7, 0.1], 'b'), row([0.9, 0.05, 0.05], 'a')] });
    expect(answerProblems(answer, 2, classifier)).toEqual([]);
  });

  it('names the status and error of a failed request', () => {
    expect(answerProblems({ status: 400, body: '{"error":"bad x"}' }, 1, classifier)).toEqual([
      'HTTP 400: bad x',
    ]);
    expect(answerProblems({ status: 200, body: '<html>' }, 1, classifier)).toEqual([
      'HTTP 200 with a body that is not JSON: <html>',
    ]);
  });

  it('requires one prediction per instance', () => {
    expect(answerProblems(ok({ predictions: [row([1, 0, 0], 'a')] }), 2, classifier)).toEqual([
      '1 predictions for 2 instances',
    ]);
    expect(answerProblems(ok({ outputs: [] }), 2, classifier)).toEqual([
      "the answer has no 'predictions' list",
    ]);
  });

  it('checks each prediction against the signature', () => {
    const answer = ok({
      predictions: [
        row([0.5, 0.5], 'a'),
        row([0.5, null, 0.5], 'a'),
        row([0.5, 0.4, 0.4], 'a'),
        row([0.5, 0.3, 0.2], 'z'),
      ],
    });
    expect(answerProblems(answer, 4, classifier)).toEqual([
      "prediction 0: 'probabilities' is not a list of 3 numbers (one per class)",
      'prediction 1: probabilities outside [0, 1] or not finite: [0.5,null,0.5]',
      'prediction 2: probabilities sum to 1.3, not 1',
    ]);
    expect(answerProblems(ok({ predictions: [row([0.5, 0.3, 0.2], 'z')] }), 1, classifier)).toEqual([
      'prediction 0: class "z" is not one of the signature\'s labels (a, b, c)',
    ]);
    expect(answerProblems(ok({ predictions: [row([0.2, 0.3, 0.5], 'a')] }), 1, classifier)).toEqual([
      "prediction 0: class 'a' is not the most probable one ('c')",
    ]);
  });

  it('wants a finite number per instance from a regressor', () => {
    expect(answerProblems(ok({ predictions: [1.5, -2] }), 2, regressor)).toEqual([]);
    expect(answerProblems(ok({ predictions: [1.5, null] }), 2, regressor)).toEqual([
      'prediction 1: a value that is not a finite number (null)',
    ]);
  });
});
