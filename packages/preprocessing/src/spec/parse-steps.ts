import { join, type Shape } from '../internal/shape.js';
import type { NumericStep } from './types.js';

const OPS = ['fillMissing', 'log1p', 'clip', 'zScore', 'scaleMinMax'] as const;

export function parseSteps(value: unknown, path: string, shape: Shape): NumericStep[] {
  return shape.array(value, path).map((step, i) => parseStep(step, join(path, i), shape));
}

function parseStep(value: unknown, path: string, shape: Shape): NumericStep {
  const op = shape.oneOf(
    shape.object(value, path, ['op', 'strategy', 'value', 'min', 'max', 'outputMin', 'outputMax']).op,
    join(path, 'op'),
    OPS,
  );
  switch (op) {
    case 'fillMissing': {
      const o = shape.object(value, path, ['op', 'strategy', 'value']);
      const strategy = shape.oneOf(o.strategy, join(path, 'strategy'), [
        'mean',
        'median',
        'mostFrequent',
        'constant',
      ]);
      if (strategy !== 'constant') return { op, strategy };
      return { op, strategy, value: shape.number(o.value, join(path, 'value')) };
    }
    case 'log1p':
    case 'zScore':
      shape.object(value, path, ['op']);
      return { op };
    case 'clip': {
      const o = shape.object(value, path, ['op', 'min', 'max']);
      const min = o.min === undefined ? undefined : shape.number(o.min, join(path, 'min'));
      const max = o.max === undefined ? undefined : shape.number(o.max, join(path, 'max'));
      if (min === undefined && max === undefined) shape.fail(path, 'a min or a max', value);
      if (min !== undefined && max !== undefined && min > max) shape.fail(path, 'min ≤ max', value);
      return { op, ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }) };
    }
    case 'scaleMinMax': {
      const o = shape.object(value, path, ['op', 'outputMin', 'outputMax']);
      const outputMin = shape.number(o.outputMin, join(path, 'outputMin'));
      const outputMax = shape.number(o.outputMax, join(path, 'outputMax'));
      if (outputMin >= outputMax) shape.fail(path, 'outputMin < outputMax', value);
      return { op, outputMin, outputMax };
    }
  }
}
