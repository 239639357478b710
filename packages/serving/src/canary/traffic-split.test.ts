import { describe, expect, it } from 'vitest';
import { NO_LABELS } from '../registry-file.js';
import { chooseVersion, splitPoint } from './traffic-split.js';

const never = () => {
  throw new Error('a keyed request draws no random number');
};

describe('chooseVersion', () => {
  const labels = { labels: { stable: 1, canary: 2 }, canaryTrafficPercent: 10 };

  it('serves the latest version without labels', () => {
    expect(chooseVersion(NO_LABELS, [3, 2, 1], 'k', never)).toEqual({ version: 3, via: 'latest' });
    expect(chooseVersion(NO_LABELS, [], 'k', never)).toBeUndefined();
  });

  it('splits keyed requests ~10 % canary, the same key always the same way', () => {
    let canary = 0;
    for (let i = 0; i < 10_000; i++) {
      const choice = chooseVersion(labels, [2, 1], `user-${i}`, never)!;
      if (choice.via === 'canary') canary++;
      expect(chooseVersion(labels, [2, 1], `user-${i}`, never)).toEqual(choice);
    }
    expect(canary).toBeGreaterThan(880); // Binomial(10000, 0.1): sd 30
    expect(canary).toBeLessThan(1120);
  });

  it('draws at random without a key', () => {
    expect(chooseVersion(labels, [2, 1], undefined, () => 0.05)).toEqual({ version: 2, via: 'canary' });
    expect(chooseVersion(labels, [2, 1], undefined, () => 0.15)).toEqual({ version: 1, via: 'stable' });
  });

  it('falls back when a labelled version is not available', () => {
    // No canary loaded: everything to stable. No stable loaded: the latest other than the canary.
    expect(chooseVersion(labels, [1], undefined, () => 0)).toEqual({ version: 1, via: 'stable' });
    expect(chooseVersion(labels, [3, 2], undefined, () => 0.5)).toEqual({ version: 3, via: 'latest' });
    expect(chooseVersion(labels, [2], undefined, () => 0.5)).toEqual({ version: 2, via: 'canary' });
    expect(chooseVersion({ ...labels, canaryTrafficPercent: 0 }, [2, 1], 'k', never)).toEqual({
      version: 1,
      via: 'stable',
    });
  });

  it('spreads split points evenly over [0, 100)', () => {
    const deciles = new Array(10).fill(0);
    for (let i = 0; i < 10_000; i++) deciles[Math.floor(splitPoint(String(i), never) / 10)]++;
    for (const d of deciles) expect(Math.abs(d - 1000)).toBeLessThan(150);
  });
});
