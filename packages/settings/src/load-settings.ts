import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { CtpipeError } from '@ctpipe/errors';
import { parseDocument } from 'yaml';
import type { z } from 'zod';
import { type Environment, environmentSchema, settingsFileSchema } from './schema.js';
import { resolveSettingsPath } from './settings-path.js';

export interface LoadedEnvironment extends Environment {
  name: string;
  /** The settings file it came from; relative paths in it are resolved against its folder. */
  source: string;
}

/**
 * Reads settings.yaml and returns one environment: `defaults` deep-merged with `environments.<name>`,
 * validated, with local paths made absolute. Every problem names the key path and what was expected.
 */
export function loadEnvironment(file: string, name: string): LoadedEnvironment {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new CtpipeError('NOT_FOUND', `settings file not found: ${file}`, { details: { file }, cause: err });
  }
  const doc = parseDocument(text, { prettyErrors: true });
  if (doc.errors.length > 0) {
    const e = doc.errors[0]!;
    throw new CtpipeError('BAD_CONFIG', `settings.yaml is not valid YAML: ${e.message.split('\n')[0]}`, {
      details: { file, line: e.linePos?.[0]?.line, column: String(e.linePos?.[0]?.col ?? '') },
    });
  }
  const raw: unknown = doc.toJS();
  const secret = findSecretKey(raw, []);
  if (secret) {
    throw new CtpipeError(
      'BAD_CONFIG',
      `settings.yaml is invalid: ${secret.join('.')}: looks like a secret, and secrets never live in settings.yaml (it is committed). Read it from the environment instead: GOOGLE_APPLICATION_CREDENTIALS / gcloud auth application-default login for Google Cloud, Secret Manager on Cloud Build.`,
      { details: { file, path: secret.join('.') } },
    );
  }
  const parsed = settingsFileSchema.safeParse(raw);
  if (!parsed.success) throw configError(file, parsed.error, []);
  const envBlock = parsed.data.environments[name];
  if (!envBlock) {
    throw new CtpipeError('BAD_CONFIG', `environment '${name}' is not defined in settings.yaml`, {
      details: { file, expected: Object.keys(parsed.data.environments).join(' | ') },
    });
  }
  const merged = deepMerge(parsed.data.defaults, envBlock);
  const env = environmentSchema.safeParse(merged);
  if (!env.success) throw configError(file, env.error, ['environments', name]);
  const base = dirname(resolve(file));
  return {
    ...env.data,
    name,
    source: file,
    pipeline_root: resolveSettingsPath(base, env.data.pipeline_root),
    metadata_db: resolveSettingsPath(base, env.data.metadata_db),
  };
}

export function listEnvironments(file: string): string[] {
  const parsed = settingsFileSchema.safeParse(parseDocument(readFileSync(file, 'utf8')).toJS());
  return parsed.success ? Object.keys(parsed.data.environments) : [];
}

function configError(file: string, error: z.ZodError, prefix: string[]): CtpipeError {
  const issues = error.issues.map((i) => {
    const path = [...prefix, ...i.path.map(String)].join('.') || '(top level)';
    return `${path}: ${i.message}`;
  });
  const first = error.issues[0];
  return new CtpipeError('BAD_CONFIG', `settings.yaml is invalid:\n  ${issues.join('\n  ')}`, {
    details: { file, path: [...prefix, ...(first?.path.map(String) ?? [])].join('.') },
  });
}

// Key names that hold credentials; `service_account` (an e-mail address) is not one.
const SECRET_KEY =
  /(^|_)(password|passwd|secret|token|private_key|api_key|access_key|credentials?|key_json)$/i;

function findSecretKey(value: unknown, path: string[]): string[] | undefined {
  if (!isObj(value)) return undefined;
  for (const [k, v] of Object.entries(value)) {
    if (SECRET_KEY.test(k)) return [...path, k];
    const inner = findSecretKey(v, [...path, k]);
    if (inner) return inner;
  }
  return undefined;
}

type Obj = Record<string, unknown>;
function deepMerge(base: Obj, over: Obj): Obj {
  const out: Obj = { ...base };
  for (const [k, v] of Object.entries(over)) {
    const b = out[k];
    out[k] = isObj(b) && isObj(v) ? deepMerge(b, v) : v;
  }
  return out;
}
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
