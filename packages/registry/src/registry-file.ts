import { CtpipeError } from '@ctpipe/errors';

/** The file beside a model's version folders: `<base>/<model>/registry.json`. */
export const REGISTRY_FILE = 'registry.json';

/** One registered version: where it came from, so its lineage can be followed back to the run. */
export interface RegisteredVersion {
  /** The TF Serving version folder, `<base>/<model>/<version>/`: 1, 2, 3… numbered by the registry. */
  version: number;
  /** ISO 8601. */
  createdAt: string;
  /** The uri of the Model artifact the files were copied from. */
  source: string;
  runId?: string;
  /** The evaluation's overall metrics, one number each. */
  metrics?: Record<string, number>;
  /** The uri of the ModelBlessing that allowed the push. */
  blessing?: string;
}

/**
 * `<base>/<model>/registry.json`, the registry's only state besides the version folders. A model server reads
 * it for the labels and the canary share; the format is shared with @ctpipe/serving, so fields are only added.
 */
export interface RegistryFile {
  model: string;
  /** Ascending by version. */
  versions: RegisteredVersion[];
  /** label → version; `stable` and `canary` drive the traffic split, others are free-form. */
  labels: Record<string, number>;
  /** Percent of unpinned requests the `canary` version gets (0 when there is no canary). */
  canaryTrafficPercent: number;
  /** ISO 8601, the last change. */
  updatedAt: string;
}

export function emptyRegistry(model: string, now: Date): RegistryFile {
  return { model, versions: [], labels: {}, canaryTrafficPercent: 0, updatedAt: now.toISOString() };
}

export function serializeRegistry(registry: RegistryFile): string {
  return `${JSON.stringify(registry, null, 2)}\n`;
}

/** Parses and checks a registry.json; anything malformed is BAD_INPUT naming the file and the field. */
export function parseRegistryFile(text: string, file: string): RegistryFile {
  const raw = parseRegistryJson(text, file);
  const bad = badField(file);
  const { model, versions, updatedAt } = raw;
  if (typeof model !== 'string' || model === '') bad('model', 'a non-empty string', model);
  if (!Array.isArray(versions)) return bad('versions', 'an array', versions);
  for (const [i, v] of versions.entries()) {
    if (!isObject(v)) return bad(`versions[${i}]`, 'an object', v);
    if (!isVersionNumber(v.version)) bad(`versions[${i}].version`, 'a positive integer', v.version);
    if (typeof v.source !== 'string') bad(`versions[${i}].source`, 'a string', v.source);
    if (typeof v.createdAt !== 'string') bad(`versions[${i}].createdAt`, 'an ISO date string', v.createdAt);
  }
  return {
    ...raw,
    model: model as string,
    versions: versions as RegisteredVersion[],
    ...parseRegistryLabels(raw, file),
    updatedAt: typeof updatedAt === 'string' ? updatedAt : '',
  };
}

/** registry.json's text as its top-level object, unchecked beyond that: BAD_INPUT when it is not JSON or not an object. */
export function parseRegistryJson(text: string, file: string): Record<string, unknown> {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new CtpipeError('BAD_INPUT', `${file} is not valid JSON: ${(err as Error).message}`, {
      details: { file },
      cause: err,
    });
  }
  return isObject(raw) ? raw : badField(file)('(top level)', 'an object', raw);
}

/**
 * The part of registry.json that decides traffic — the labels and the canary share — checked on their own: the
 * prediction server reads only these (and writes the rest back untouched). BAD_INPUT names the field.
 */
export function parseRegistryLabels(
  raw: Record<string, unknown>,
  file: string,
): Pick<RegistryFile, 'labels' | 'canaryTrafficPercent'> {
  const bad = badField(file);
  const { labels, canaryTrafficPercent } = raw;
  if (!isObject(labels)) return bad('labels', 'an object of label → version', labels);
  for (const [label, version] of Object.entries(labels)) {
    if (!isVersionNumber(version)) bad(`labels.${label}`, 'a version number', version);
  }
  const percent = canaryTrafficPercent ?? 0;
  if (typeof percent !== 'number' || percent < 0 || percent > 100)
    bad('canaryTrafficPercent', 'a number from 0 to 100', percent);
  return { labels: { ...(labels as Record<string, number>) }, canaryTrafficPercent: percent as number };
}

function badField(file: string) {
  return (field: string, expected: string, found: unknown): never => {
    throw new CtpipeError('BAD_INPUT', `${file}: ${field} must be ${expected}`, {
      details: { file, column: field, expected, found: JSON.stringify(found) },
    });
  };
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function isVersionNumber(v: unknown): v is number {
  return typeof v === 'number' && Number.isSafeInteger(v) && v > 0;
}
