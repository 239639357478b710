import { expect, it } from 'vitest';
import { classLabels, regressionLabels } from './labels.js';

it('maps raw labels to the model’s class indices, unknown and missing to -1', () => {
  const classes = ['Adelie', 'Chinstrap', 'Gentoo'];
  expect([...classLabels(['Gentoo', null, 'Adelie', 'Emperor'], classes)]).toEqual([2, -1, 0, -1]);
  // Numeric classes are named by their text, as the TransformGraph names them.
  expect([...classLabels(Float64Array.from([1, 0, NaN, 2]), ['0', '1'])]).toEqual([1, 0, -1, -1]);
});

it('reads regression targets as numbers, missing as NaN', () => {
  expect([...regressionLabels(['3.5', null, '-1'])]).toEqual([3.5, NaN, -1]);
  const column = Float64Array.from([1, NaN]);
  expect(regressionLabels(column)).toBe(column);
});
