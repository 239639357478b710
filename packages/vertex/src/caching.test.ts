import { describe, expect, it } from 'vitest';
import { smallSpec } from '../test/small-spec.js';
import { withCaching } from './caching.js';

function cachingOf(spec: ReturnType<typeof smallSpec>) {
  return {
    extract: spec.root.dag?.tasks.extract?.cachingOptions,
    condition: spec.root.dag?.tasks['condition-1']?.cachingOptions,
    nestedTrain: spec.components['comp-condition-1']?.dag?.tasks.train?.cachingOptions,
  };
}

describe('withCaching', () => {
  it.each([true, false])(
    'sets enableCache=%s on every task, root and sub-DAGs, as the SDK does',
    (enable) => {
      expect(cachingOf(withCaching(smallSpec(), enable))).toEqual({
        extract: { enableCache: enable },
        condition: { enableCache: enable },
        nestedTrain: { enableCache: enable },
      });
    },
  );

  it('keeps the compiled options when unset and never changes its input', () => {
    const spec = smallSpec();
    expect(withCaching(spec, undefined)).toBe(spec);
    withCaching(spec, false);
    expect(cachingOf(spec)).toEqual({
      extract: { enableCache: true },
      condition: undefined,
      nestedTrain: { enableCache: true },
    });
  });

  it('drops a cacheKey with the override (the SDK replaces cachingOptions whole)', () => {
    const spec = smallSpec();
    spec.root.dag!.tasks.extract!.cachingOptions = { enableCache: true, cacheKey: 'k1' };
    expect(withCaching(spec, true).root.dag?.tasks.extract?.cachingOptions).toEqual({ enableCache: true });
  });
});
