import { describe, expect, it } from 'vitest';
import { inferDirection, isBetter, toObjective } from './objective.js';

describe('objective', () => {
  it('infers directions as Keras Tuner does (val_/weighted_ stripped, losses min, accuracy-like max)', () => {
    const names = ['val_loss', 'loss', 'val_accuracy', 'acc', 'weighted_binary_accuracy', 'val_auc', 'mse'];
    expect(names.map(inferDirection)).toEqual(['min', 'min', 'max', 'max', 'max', 'max', 'min']);
    expect(inferDirection('val_sparse_categorical_crossentropy')).toBe('min');
    expect(inferDirection('val_Precision')).toBe('max');
    expect(inferDirection('my_custom_metric')).toBeNull();
  });

  it('turns a name into an Objective and refuses one it cannot infer', () => {
    expect(toObjective('val_accuracy')).toEqual({ name: 'val_accuracy', direction: 'max' });
    expect(toObjective({ name: 'f1', direction: 'max' })).toEqual({ name: 'f1', direction: 'max' });
    expect(() => toObjective('f1')).toThrow(expect.objectContaining({ code: 'BAD_CONFIG' }));
  });

  it('compares scores by direction', () => {
    expect(isBetter({ name: 'loss', direction: 'min' }, 0.1, 0.2)).toBe(true);
    expect(isBetter({ name: 'acc', direction: 'max' }, 0.1, 0.2)).toBe(false);
  });
});
