import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { NO_LABELS, readRegistryLabels, removeCanaryLabel } from './registry-file.js';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'ctpipe-registry-file-'));
});
afterEach(() => rm(dir, { recursive: true, force: true }));

const registry = {
  model: 'penguin',
  versions: [
    {
      version: 1,
      createdAt: '2025-01-01T00:00:00Z',
      source: '/a/1',
      runId: 'r1',
      metrics: { accuracy: 0.9 },
    },
  ],
  labels: { stable: 1, canary: 2, champion: 1 },
  canaryTrafficPercent: 10,
  updatedAt: '2025-01-01T00:00:00.000Z',
};

describe('registry.json', () => {
  it('an absent file means no labels', async () => {
    expect(await readRegistryLabels(dir)).toEqual(NO_LABELS);
  });

  it('reads the labels and the canary share', async () => {
    await writeFile(path.join(dir, 'registry.json'), JSON.stringify(registry));
    expect(await readRegistryLabels(dir)).toEqual({
      labels: { stable: 1, canary: 2, champion: 1 },
      canaryTrafficPercent: 10,
    });
  });

  it('names the field that is wrong', async () => {
    await writeFile(
      path.join(dir, 'registry.json'),
      JSON.stringify({ ...registry, labels: { stable: 'one' } }),
    );
    await expect(readRegistryLabels(dir)).rejects.toMatchObject({
      code: 'BAD_INPUT',
      details: { column: 'labels.stable', expected: 'a version number' },
    });
    await writeFile(
      path.join(dir, 'registry.json'),
      JSON.stringify({ ...registry, canaryTrafficPercent: 120 }),
    );
    await expect(readRegistryLabels(dir)).rejects.toMatchObject({
      details: { column: 'canaryTrafficPercent' },
    });
  });

  it('removeCanaryLabel drops the canary atomically and keeps every other field', async () => {
    await writeFile(path.join(dir, 'registry.json'), JSON.stringify(registry));
    expect(await removeCanaryLabel(dir, 2, new Date('2025-02-01T00:00:00Z'))).toBe(true);
    const written = JSON.parse(await readFile(path.join(dir, 'registry.json'), 'utf8'));
    expect(written).toEqual({
      ...registry,
      labels: { stable: 1, champion: 1 },
      canaryTrafficPercent: 0,
      updatedAt: '2025-02-01T00:00:00.000Z',
    });
    expect(await readdir(dir)).toEqual(['registry.json']); // no temporary file left
  });

  it('removeCanaryLabel does nothing when the canary moved meanwhile', async () => {
    await writeFile(path.join(dir, 'registry.json'), JSON.stringify(registry));
    expect(await removeCanaryLabel(dir, 3, new Date())).toBe(false);
    expect(JSON.parse(await readFile(path.join(dir, 'registry.json'), 'utf8'))).toEqual(registry);
  });
});
