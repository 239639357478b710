import { describe, expect, it } from 'vitest';
import { aspiredVersions, versionsToKeep } from './version-policy.js';

describe('aspiredVersions', () => {
  it('follows the policy and adds the present labelled versions', () => {
    expect([...aspiredVersions({ kind: 'latest', numVersions: 1 }, [1, 3, 2], [])]).toEqual([3]);
    expect([...aspiredVersions({ kind: 'latest', numVersions: 2 }, [1, 3, 2], [])]).toEqual([3, 2]);
    expect([...aspiredVersions({ kind: 'all' }, [1, 3, 2], [])]).toEqual([3, 2, 1]);
    expect([...aspiredVersions({ kind: 'specific', versions: [1, 9] }, [1, 3, 2], [])]).toEqual([1]);
    expect([...aspiredVersions({ kind: 'latest', numVersions: 1 }, [1, 3, 2], [1, 7])]).toEqual([3, 1]);
  });
});

describe('versionsToKeep', () => {
  it('keeps the aspired available versions', () => {
    expect([...versionsToKeep(new Set([3]), [3, 2])]).toEqual([3]);
  });
  it('keeps the highest spare versions while aspired ones are missing', () => {
    expect([...versionsToKeep(new Set([4]), [2, 3])]).toEqual([3]);
    expect([...versionsToKeep(new Set([5, 4]), [3, 2, 1])]).toEqual([3, 2]);
    expect([...versionsToKeep(new Set([4, 3]), [3, 2])]).toEqual([3, 2]);
  });
});
