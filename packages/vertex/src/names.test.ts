import { describe, expect, it } from 'vitest';
import { defaultJobId, validateJobId } from './job-id.js';
import { validateLabels } from './labels.js';
import { consoleUrl } from './resource-names.js';
import { parseTemplateUri } from './template-uri.js';

describe('job ids', () => {
  it('sanitizes the pipeline name as the SDK does and appends the local time', () => {
    expect(defaultJobId('My_Pipeline v2!', new Date(2026, 11, 31, 23, 59, 58))).toBe(
      'my-pipeline-v2-20261231235958',
    );
  });
  it('refuses ids Vertex would refuse', () => {
    expect(validateJobId('a'.repeat(128))).toHaveLength(128);
    for (const bad of ['a'.repeat(129), '-x', 'UPPER', 'under_score', ''])
      expect(() => validateJobId(bad)).toThrowError(expect.objectContaining({ code: 'BAD_INPUT' }));
  });
});

describe('labels', () => {
  it('accepts GCP labels, including empty values and international lower case', () => {
    expect(
      validateLabels({ team: 'ml-platform', env: '', 'cost_center-1': '42', équipe: 'données' }),
    ).toEqual({
      team: 'ml-platform',
      env: '',
      'cost_center-1': '42',
      équipe: 'données',
    });
  });
  it.each([
    [{ '1team': 'x' }, "label key '1team' is invalid"],
    [{ Team: 'x' }, "label key 'Team' is invalid"],
    [{ ['k'.repeat(64)]: 'x' }, 'is invalid'],
    [{ team: 'ML' }, "label 'team' has an invalid value 'ML'"],
    [{ team: 'a.b' }, "label 'team' has an invalid value 'a.b'"],
  ])('rejects %j', (labels, message) => {
    expect(() => validateLabels(labels)).toThrowError(
      expect.objectContaining({ code: 'BAD_INPUT', message: expect.stringContaining(message) }),
    );
  });
  it('allows 64 labels, not 65', () => {
    const many = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`k${i}`, 'v']));
    expect(Object.keys(validateLabels(many(64)))).toHaveLength(64);
    expect(() => validateLabels(many(65))).toThrowError('at most 64 labels, got 65');
  });
});

describe('template URIs and console links', () => {
  it('parses tag and digest forms', () => {
    expect(parseTemplateUri('https://us-central1-kfp.pkg.dev/proj-1/pipes/ctpipe-ct/latest')).toEqual({
      uri: 'https://us-central1-kfp.pkg.dev/proj-1/pipes/ctpipe-ct/latest',
      region: 'us-central1',
      project: 'proj-1',
      repository: 'pipes',
      package: 'ctpipe-ct',
      version: 'latest',
    });
    const digest = `sha256:${'ab'.repeat(32)}`;
    expect(parseTemplateUri(`https://europe-west4-kfp.pkg.dev/p/r/pkg/${digest}`).version).toBe(digest);
    for (const bad of [
      'http://europe-west4-kfp.pkg.dev/p/r/pkg/v1',
      'https://europe-west4-docker.pkg.dev/p/r/pkg/v1',
      'https://europe-west4-kfp.pkg.dev/p/r/pkg',
      'https://europe-west4-kfp.pkg.dev/p/r/pkg/sha256:abc',
    ])
      expect(() => parseTemplateUri(bad)).toThrowError(expect.objectContaining({ code: 'BAD_INPUT' }));
  });
  it('links a job to its console page', () => {
    expect(consoleUrl('projects/p/locations/europe-west4/pipelineJobs/ct-1')).toBe(
      'https://console.cloud.google.com/vertex-ai/locations/europe-west4/pipelines/runs/ct-1?project=p',
    );
  });
});
