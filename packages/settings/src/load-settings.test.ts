import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CtpipeError } from '@ctpipe/errors';
import { describe, expect, it } from 'vitest';
import { loadEnvironment } from './load-settings.js';

function settingsFile(text: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'settings-')), 'settings.yaml');
  writeFileSync(file, text);
  return file;
}

function errorOf(file: string, env = 'dev'): CtpipeError {
  try {
    loadEnvironment(file, env);
  } catch (err) {
    if (err instanceof CtpipeError) return err;
    throw err;
  }
  throw new Error('expected loadEnvironment to fail');
}

const VALID = `
defaults:
  pipeline_root: .ctpipe/root
  metadata_db: .ctpipe/metadata.sqlite
  parameters:
    input_pattern: data/{SPAN}/*.csv
    max_trials: 10
environments:
  dev: {}
  prod:
    pipeline_root: gs://bucket/root
    parameters:
      max_trials: 40
`;

describe('loadEnvironment', () => {
  it('deep-merges defaults with the environment and makes local paths absolute', () => {
    const file = settingsFile(VALID);
    const prod = loadEnvironment(file, 'prod');
    expect(prod.pipeline_root).toBe('gs://bucket/root');
    expect(prod.metadata_db).toBe(join(file, '..', '.ctpipe/metadata.sqlite'));
    expect(prod.parameters).toEqual({ input_pattern: 'data/{SPAN}/*.csv', max_trials: 40 });
    expect(loadEnvironment(file, 'dev').parameters.max_trials).toBe(10);
  });

  it('names the line of a YAML syntax error', () => {
    const e = errorOf(settingsFile('defaults:\n  pipeline_root: [unclosed\nenvironments: {}\n'));
    expect(e.code).toBe('BAD_CONFIG');
    expect(e.message).toMatch(/not valid YAML/);
    expect(e.details.line).toBeGreaterThan(1);
  });

  it('names the key path of an unknown key', () => {
    const e = errorOf(settingsFile(VALID.replace('  dev: {}', '  dev:\n    pipline_root: x')));
    expect(e.code).toBe('BAD_CONFIG');
    expect(e.details.path).toBe('environments.dev');
    expect(e.message).toMatch(/environments\.dev: .*pipline_root/);
  });

  it('names the key path and the expected type of a wrong value', () => {
    const e = errorOf(settingsFile(VALID.replace('  dev: {}', '  dev:\n    max_parallel: two')));
    expect(e.details.path).toBe('environments.dev.max_parallel');
    expect(e.message).toMatch(/environments\.dev\.max_parallel: .*number/);
  });

  it('says which environments exist when the name is unknown', () => {
    const e = errorOf(settingsFile(VALID), 'staging');
    expect(e.message).toMatch(/environment 'staging' is not defined/);
    expect(e.details.expected).toBe('dev | prod');
  });

  it('refuses a secret in the file and says where secrets come from', () => {
    const e = errorOf(
      settingsFile(VALID.replace('      max_trials: 40', '      max_trials: 40\n      api_key: abc')),
    );
    expect(e.details.path).toBe('environments.prod.parameters.api_key');
    expect(e.message).toMatch(/secrets never live in settings.yaml/);
  });

  it('says when the file is missing', () => {
    expect(errorOf('/nonexistent/settings.yaml').code).toBe('NOT_FOUND');
  });
});
