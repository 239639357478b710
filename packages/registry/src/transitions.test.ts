import { describe, expect, it } from 'vitest';
import { emptyRegistry, type RegistryFile } from './registry-file.js';
import {
  addVersion,
  labelsOf,
  promote,
  removeLabel,
  resolveRef,
  rollback,
  setCanaryShare,
  setLabel,
} from './transitions.js';

const t0 = new Date('2026-01-01T00:00:00Z');
const t1 = new Date('2026-01-02T00:00:00Z');
const entry = (version: number) => ({
  version,
  createdAt: t0.toISOString(),
  source: `/runs/${version}/model`,
});
const canary = (canaryPercent: number) => ({ kind: 'canary', canaryPercent }) as const;

function withVersions(...versions: number[]): RegistryFile {
  return versions.reduce(
    (reg, v) => addVersion(reg, entry(v), canary(10), t0),
    emptyRegistry('penguins', t0),
  );
}

describe('registry transitions', () => {
  it('makes the first version stable and later ones canary with their traffic share', () => {
    const one = addVersion(emptyRegistry('penguins', t0), entry(1), canary(10), t1);
    expect(one).toEqual({
      model: 'penguins',
      versions: [entry(1)],
      labels: { stable: 1 },
      canaryTrafficPercent: 0,
      updatedAt: t1.toISOString(),
    });
    const two = addVersion(one, entry(2), canary(20), t1);
    expect(two.labels).toEqual({ stable: 1, canary: 2 });
    expect(two.canaryTrafficPercent).toBe(20);
    // A newer canary replaces the previous one; stable stays.
    const three = addVersion(two, entry(3), canary(15), t1);
    expect(three.labels).toEqual({ stable: 1, canary: 3 });
    expect(three.versions.map((v) => v.version)).toEqual([1, 2, 3]);
  });

  it('rolls straight to stable (dropping a canary) or moves no label at all', () => {
    const reg = withVersions(1, 2);
    const stable = addVersion(reg, entry(3), { kind: 'stable' }, t1);
    expect(stable.labels).toEqual({ stable: 3 });
    expect(stable.canaryTrafficPercent).toBe(0);
    const none = addVersion(reg, entry(3), { kind: 'none' }, t1);
    expect(none.labels).toEqual({ stable: 1, canary: 2 });
  });

  it('promotes the canary to stable and rolls a canary back, leaving stable', () => {
    const reg = withVersions(1, 2);
    expect(promote(reg, t1)).toMatchObject({ labels: { stable: 2 }, canaryTrafficPercent: 0 });
    const rolledBack = rollback(reg, t1);
    expect(rolledBack.labels).toEqual({ stable: 1 });
    expect(rolledBack.canaryTrafficPercent).toBe(0);
    expect(rolledBack.versions).toHaveLength(2);
    expect(() => promote(rolledBack, t1)).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    expect(() => rollback(rolledBack, t1)).toThrow(
      expect.objectContaining({ details: { model: 'penguins', label: 'canary' } }),
    );
  });

  it('sets free-form labels on existing versions only', () => {
    const reg = setLabel(withVersions(1, 2), 'shadow_eu', 1, t1);
    expect(labelsOf(reg, 1)).toEqual(['shadow_eu', 'stable']);
    expect(resolveRef(reg, { label: 'shadow_eu' }).version).toBe(1);
    expect(() => setLabel(reg, 'x', 9, t1)).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND', details: expect.objectContaining({ version: 9 }) }),
    );
    expect(() => setLabel(reg, 'bad-label', 1, t1)).toThrow(expect.objectContaining({ code: 'BAD_INPUT' }));
    expect(() => setLabel(reg, '42', 1, t1)).toThrow(expect.objectContaining({ code: 'BAD_INPUT' }));
    expect(removeLabel(reg, 'shadow_eu', t1).labels).toEqual({ stable: 1, canary: 2 });
  });

  it('changes the canary share only when there is a canary, within 0..100', () => {
    expect(setCanaryShare(withVersions(1, 2), 50, t1).canaryTrafficPercent).toBe(50);
    expect(() => setCanaryShare(withVersions(1, 2), 101, t1)).toThrow(
      expect.objectContaining({ code: 'BAD_INPUT' }),
    );
    expect(() => setCanaryShare(withVersions(1), 5, t1)).toThrow(
      expect.objectContaining({ code: 'NOT_FOUND' }),
    );
  });
});
