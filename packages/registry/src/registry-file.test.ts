import { describe, expect, it } from 'vitest';
import { parseRegistryFile } from './registry-file.js';

const valid = {
  model: 'penguins',
  versions: [{ version: 1, createdAt: '2026-01-01T00:00:00.000Z', source: '/runs/1/model' }],
  labels: { stable: 1 },
  canaryTrafficPercent: 0,
  updatedAt: '2026-01-01T00:00:00.000Z',
};

describe('parseRegistryFile', () => {
  it('reads a valid file and keeps fields it does not know (the format only grows)', () => {
    expect(parseRegistryFile(JSON.stringify({ ...valid, note: 'x' }), 'r.json')).toEqual({
      ...valid,
      note: 'x',
    });
  });

  it('names the file and the field that is wrong', () => {
    expect(() => parseRegistryFile('{', 'r.json')).toThrow(
      expect.objectContaining({ code: 'BAD_INPUT', details: { file: 'r.json' } }),
    );
    expect(() =>
      parseRegistryFile(JSON.stringify({ ...valid, labels: { stable: 'one' } }), 'r.json'),
    ).toThrow(
      expect.objectContaining({
        details: expect.objectContaining({ column: 'labels.stable', found: '"one"' }),
      }),
    );
    const badVersion = { ...valid, versions: [{ ...valid.versions[0], version: 0 }] };
    expect(() => parseRegistryFile(JSON.stringify(badVersion), 'r.json')).toThrow(
      expect.objectContaining({ details: expect.objectContaining({ column: 'versions[0].version' }) }),
    );
    expect(() =>
      parseRegistryFile(JSON.stringify({ ...valid, canaryTrafficPercent: 150 }), 'r.json'),
    ).toThrow(
      expect.objectContaining({ details: expect.objectContaining({ column: 'canaryTrafficPercent' }) }),
    );
  });
});
