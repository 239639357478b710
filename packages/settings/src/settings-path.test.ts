import { describe, expect, it } from 'vitest';
import { resolveSettingsPath } from './settings-path.js';

describe('resolveSettingsPath', () => {
  it('resolves relative paths against the folder of settings.yaml and leaves the rest alone', () => {
    expect(resolveSettingsPath('/repo', 'data/span-{SPAN}/*.csv')).toBe('/repo/data/span-{SPAN}/*.csv');
    expect(resolveSettingsPath('/repo', '../shared/schema.pbtxt')).toBe('/shared/schema.pbtxt');
    expect(resolveSettingsPath('/repo', '/abs/file.json')).toBe('/abs/file.json');
    expect(resolveSettingsPath('/repo', 'gs://bucket/root')).toBe('gs://bucket/root');
    expect(resolveSettingsPath('/repo', '')).toBe('');
  });
});
