import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { CtpipeError } from '@ctpipe/errors';
import { parseRegistryJson, parseRegistryLabels, REGISTRY_FILE } from '@ctpipe/registry';
import { LocalStorage } from '@ctpipe/storage';

/** `<base>/<model>/registry.json`, written by @ctpipe/registry (`ctpipe models promote|rollback`) and push. */
export { REGISTRY_FILE };

/**
 * What the server reads of registry.json: the labels and the canary share. The registry owns the format;
 * unknown fields are kept untouched when the server writes the file back (automatic rollback).
 */
export interface RegistryLabels {
  labels: Readonly<Record<string, number>>;
  canaryTrafficPercent: number;
}

export const NO_LABELS: RegistryLabels = Object.freeze({
  labels: Object.freeze({}),
  canaryTrafficPercent: 0,
});

/** Reads the labels; an absent file means no labels (the version policy alone decides what is served). */
export async function readRegistryLabels(modelBasePath: string): Promise<RegistryLabels> {
  const raw = await readRegistryJson(path.join(modelBasePath, REGISTRY_FILE));
  return raw === undefined ? NO_LABELS : parseLabels(raw, path.join(modelBasePath, REGISTRY_FILE));
}

/** A cheap change check for the poll loop: the file is re-read only when this changes. */
export async function registryFingerprint(modelBasePath: string): Promise<string> {
  const info = await stat(path.join(modelBasePath, REGISTRY_FILE)).catch(() => undefined);
  return info ? `${info.ino}:${info.mtimeMs}:${info.size}` : 'absent';
}

/**
 * The automatic rollback's one write: drops `labels.canary` and sets the canary share to 0, atomically
 * (temporary sibling + rename), keeping every other field. Re-reads the file first and does nothing when the
 * canary label no longer points at `version` (someone promoted or rolled back meanwhile). Returns whether it wrote.
 */
export async function removeCanaryLabel(modelBasePath: string, version: number, now: Date): Promise<boolean> {
  const file = path.join(modelBasePath, REGISTRY_FILE);
  const raw = await readRegistryJson(file);
  if (raw === undefined) return false;
  const current = parseLabels(raw, file);
  if (current.labels.canary !== version) return false;
  const { canary: _dropped, ...labels } = current.labels;
  const next = { ...raw, labels, canaryTrafficPercent: 0, updatedAt: now.toISOString() };
  await new LocalStorage().writeText(file, `${JSON.stringify(next, null, 2)}\n`);
  return true;
}

async function readRegistryJson(file: string): Promise<Record<string, unknown> | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new CtpipeError('UNAVAILABLE', `cannot read ${file}: ${(err as Error).message}`, {
      details: { file },
      cause: err,
    });
  }
  return parseRegistryJson(text, file);
}

/** A registry.json without labels (none set yet) has no labels; the registry owns the checks. */
function parseLabels(raw: Record<string, unknown>, file: string): RegistryLabels {
  return parseRegistryLabels({ ...raw, labels: raw.labels ?? {} }, file);
}
