import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CtpipeError } from '@ctpipe/errors';
import type { JsonValue } from '@ctpipe/ir';
import { CT_LOCAL_PATH_PARAMETERS } from '@ctpipe/pipeline-ct';
import { type LoadedEnvironment, loadEnvironment, resolveSettingsPath } from '@ctpipe/settings';

// src/ and dist/ both sit two levels below the repo root (packages/cli/<dir>/workspace.*).
const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

export const COMMON_FLAGS = {
  env: { type: 'string', description: 'environment in settings.yaml', default: 'dev' },
  settings: {
    type: 'string',
    description: 'path of settings.yaml (default: found upwards from the current folder)',
  },
} as const;

export interface Workspace {
  /** The monorepo this CLI belongs to: its components/ map images to local processes. */
  root: string;
  env: LoadedEnvironment;
}

export function openWorkspace(flags: { env: string; settings?: string | undefined }): Workspace {
  const file = flags.settings ? resolve(flags.settings) : findUp('settings.yaml', process.cwd());
  if (!file) {
    throw new CtpipeError('NOT_FOUND', 'no settings.yaml here or in any parent folder (pass --settings)', {
      details: { path: process.cwd() },
    });
  }
  return { root: REPO_ROOT, env: loadEnvironment(file, flags.env) };
}

/** A path from settings.yaml, made absolute against the folder of settings.yaml; URIs stay as they are. */
export function settingsPath(ws: Workspace, path: string): string {
  return resolveSettingsPath(dirname(ws.env.source), path);
}

/**
 * The environment's pipeline parameters for a run on this machine: the path parameters resolved against
 * settings.yaml's folder, so a settings file anywhere means the same files whatever the working directory.
 */
export function localParameters(ws: Workspace): Record<string, JsonValue> {
  const params: Record<string, JsonValue> = { ...ws.env.parameters };
  for (const name of CT_LOCAL_PATH_PARAMETERS) {
    const value = params[name];
    if (typeof value === 'string') params[name] = settingsPath(ws, value);
  }
  return params;
}

function findUp(name: string, from: string): string | undefined {
  let dir = resolve(from);
  for (;;) {
    const candidate = join(dir, name);
    if (existsSync(candidate)) return candidate;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
