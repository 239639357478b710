import { CtpipeError } from '@ctpipe/errors';
import { checkLabel, checkPercent, checkVersion, type VersionRef } from './names.js';
import type { RegisteredVersion, RegistryFile } from './registry-file.js';

/**
 * How a new version is rolled out. `canary` is the usual case: the first version of a model has nothing to be
 * a canary against, so it becomes `stable`; later ones take `canaryPercent` of the traffic until promoted.
 */
export type Rollout = { kind: 'none' } | { kind: 'stable' } | { kind: 'canary'; canaryPercent: number };

// Pure state changes of registry.json: the registry applies them under its lock, tests call them directly.

export function addVersion(
  reg: RegistryFile,
  entry: RegisteredVersion,
  rollout: Rollout,
  now: Date,
): RegistryFile {
  const versions = [...reg.versions.filter((v) => v.version !== entry.version), entry].sort(
    (a, b) => a.version - b.version,
  );
  const next = { ...reg, versions };
  if (rollout.kind === 'stable' || (rollout.kind === 'canary' && reg.labels.stable === undefined)) {
    return makeStable(next, entry.version, now);
  }
  if (rollout.kind === 'canary') {
    return {
      ...next,
      labels: { ...reg.labels, canary: entry.version },
      canaryTrafficPercent: checkPercent(rollout.canaryPercent, reg.model),
      updatedAt: now.toISOString(),
    };
  }
  return { ...next, updatedAt: now.toISOString() };
}

/** Points `label` at an existing version (TF Serving's rule: a label names a version that exists). */
export function setLabel(reg: RegistryFile, label: string, version: number, now: Date): RegistryFile {
  checkLabel(label, reg.model);
  requireVersion(reg, checkVersion(version, reg.model));
  return { ...reg, labels: { ...reg.labels, [label]: version }, updatedAt: now.toISOString() };
}

export function removeLabel(reg: RegistryFile, label: string, now: Date): RegistryFile {
  if (reg.labels[label] === undefined) throw noLabel(reg.model, label);
  const { [label]: _removed, ...labels } = reg.labels;
  const canaryGone = label === 'canary';
  return {
    ...reg,
    labels,
    canaryTrafficPercent: canaryGone ? 0 : reg.canaryTrafficPercent,
    updatedAt: now.toISOString(),
  };
}

/** The canary becomes stable and takes all the traffic. */
export function promote(reg: RegistryFile, now: Date): RegistryFile {
  const canary = reg.labels.canary;
  if (canary === undefined) throw noLabel(reg.model, 'canary', 'there is no canary to promote');
  return makeStable(reg, canary, now);
}

/** Drops the canary; stable keeps serving every request. */
export function rollback(reg: RegistryFile, now: Date): RegistryFile {
  if (reg.labels.canary === undefined) throw noLabel(reg.model, 'canary', 'there is no canary to roll back');
  return removeLabel(reg, 'canary', now);
}

export function setCanaryShare(reg: RegistryFile, percent: number, now: Date): RegistryFile {
  checkPercent(percent, reg.model);
  if (reg.labels.canary === undefined)
    throw noLabel(reg.model, 'canary', 'there is no canary to give traffic');
  return { ...reg, canaryTrafficPercent: percent, updatedAt: now.toISOString() };
}

export function resolveRef(reg: RegistryFile, ref: VersionRef): RegisteredVersion {
  if ('label' in ref) {
    const version = reg.labels[ref.label];
    if (version === undefined) throw noLabel(reg.model, ref.label);
    return requireVersion(reg, version);
  }
  return requireVersion(reg, ref.version);
}

export function labelsOf(reg: RegistryFile, version: number): string[] {
  return Object.entries(reg.labels)
    .filter(([, v]) => v === version)
    .map(([label]) => label)
    .sort();
}

function makeStable(reg: RegistryFile, version: number, now: Date): RegistryFile {
  const { canary: _dropped, ...labels } = reg.labels;
  return {
    ...reg,
    labels: { ...labels, stable: version },
    canaryTrafficPercent: 0,
    updatedAt: now.toISOString(),
  };
}

function requireVersion(reg: RegistryFile, version: number): RegisteredVersion {
  const found = reg.versions.find((v) => v.version === version);
  if (!found) {
    throw new CtpipeError('NOT_FOUND', `model '${reg.model}' has no version ${version}`, {
      details: {
        model: reg.model,
        version,
        expected: reg.versions.map((v) => v.version).join(', ') || '(no versions yet)',
      },
    });
  }
  return found;
}

function noLabel(model: string, label: string, why?: string): CtpipeError {
  return new CtpipeError(
    'NOT_FOUND',
    why ? `model '${model}': ${why}` : `model '${model}' has no label '${label}'`,
    {
      details: { model, label },
    },
  );
}
