import { describe, expect, it } from 'vitest';
import { keyValuePairs } from './options.js';

describe('keyValuePairs (--param, --label)', () => {
  it('splits at the first =, later keys win', () => {
    expect(keyValuePairs('--param', ['a=1', 'query=x=y', 'a=2', 'empty='])).toEqual({
      a: '2',
      query: 'x=y',
      empty: '',
    });
  });

  it('refuses an item without a key, naming the flag', () => {
    for (const bad of ['novalue', '=1']) {
      expect(() => keyValuePairs('--label', [bad])).toThrow(`--label expects key=value, got '${bad}'`);
    }
  });
});
