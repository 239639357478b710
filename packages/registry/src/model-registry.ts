import { CtpipeError } from '@ctpipe/errors';
import type { GcsStorageOptions } from '@ctpipe/storage';
import type { RegistryBackend } from './internal/backend.js';
import { gcsBackend } from './internal/gcs-backend.js';
import { localBackend } from './internal/local-backend.js';
import { requireSourceDir } from './internal/source-dir.js';
import { isGcs, modelDirOf, registryFileOf, resolveBasePath, versionDirOf } from './locations.js';
import { checkModelName, parseVersionRef, type VersionRef } from './names.js';
import { readRegistryFile } from './read-registry.js';
import {
  emptyRegistry,
  type RegisteredVersion,
  type RegistryFile,
  serializeRegistry,
} from './registry-file.js';
import * as t from './transitions.js';

export interface OpenRegistryOptions {
  /** Relative base paths resolve against this (default: process.cwd()). */
  cwd?: string;
  /** For gs:// base paths, e.g. `{ client }` to share one authenticated Cloud Storage client. */
  gcs?: GcsStorageOptions;
  /** The clock of createdAt / updatedAt. */
  now?: () => Date;
  /** How long a writer waits for another one's lock before CONFLICT (default 60 s). */
  lockTimeoutMs?: number;
  /** A lock older than this belongs to a crashed writer and is broken (default 10 min). */
  lockStaleMs?: number;
}

export interface PublishRequest {
  model: string;
  /** A local directory holding the model files (the Model artifact's version folder). */
  sourceDir: string;
  /** The Model artifact's uri, for lineage; publishing the same source twice registers it once. */
  source: string;
  runId?: string;
  metrics?: Record<string, number>;
  /** The ModelBlessing's uri. */
  blessing?: string;
  /** Labels to move (default: none). */
  rollout?: t.Rollout;
}

export interface PublishResult {
  version: number;
  /** false when `source` was already registered (a retried push): nothing was copied or changed. */
  created: boolean;
  /** The version folder, `<base>/<model>/<version>`. */
  uri: string;
  /** Labels now pointing at this version. */
  labels: string[];
  registry: RegistryFile;
}

/** A registered version with where it lives and the labels pointing at it. */
export interface ModelVersion extends RegisteredVersion {
  model: string;
  uri: string;
  labels: string[];
}

/**
 * Registered models in TF Serving's base-path layout, `<base>/<model>/<version>/` + `<base>/<model>/registry.json`
 * (MLflow's registry ideas: numbered versions, aliases, lineage to the run). Every change is a read-modify-write
 * of registry.json under a per-model lock, so concurrent writers never lose each other's versions or labels.
 */
export class ModelRegistry {
  readonly basePath: string;
  private readonly backend: RegistryBackend;
  private readonly now: () => Date;
  private readonly lock: { timeoutMs: number; staleMs: number };
  private readonly gcs: GcsStorageOptions | undefined;

  constructor(basePath: string, options: OpenRegistryOptions = {}) {
    this.basePath = resolveBasePath(basePath, options.cwd);
    this.gcs = options.gcs;
    this.backend = isGcs(this.basePath) ? gcsBackend(options.gcs) : localBackend();
    this.now = options.now ?? (() => new Date());
    this.lock = { timeoutMs: options.lockTimeoutMs ?? 60_000, staleMs: options.lockStaleMs ?? 600_000 };
  }

  /** Copies `sourceDir` in as the model's next version (1, 2, 3…), then registers it. */
  async publishVersion(request: PublishRequest): Promise<PublishResult> {
    const model = checkModelName(request.model);
    await requireSourceDir(request.sourceDir, model);
    const already = findSource(await this.read(model), request.source);
    if (already) return this.unchanged(already);

    const modelDir = modelDirOf(this.basePath, model);
    const staged = await this.backend.stage(request.sourceDir, modelDir);
    try {
      return await this.backend.withLock(modelDir, this.lock, async () => {
        const current = (await this.read(model)) ?? emptyRegistry(model, this.now());
        const raced = findSource(current, request.source);
        if (raced) return this.unchanged(raced);
        const version = await this.commitNextVersion(current, staged, model);
        const entry = versionEntry(request, version, this.now());
        const registry = await this.write(
          t.addVersion(current, entry, request.rollout ?? { kind: 'none' }, this.now()),
        );
        return {
          version,
          created: true,
          uri: versionDirOf(this.basePath, model, version),
          labels: t.labelsOf(registry, version),
          registry,
        };
      });
    } finally {
      await this.backend.discard(staged);
    }
  }

  /** Every model (or the one named) with its versions and labels. */
  async list(model?: string): Promise<RegistryFile[]> {
    if (model !== undefined) return [await this.get(model)];
    const names = await this.backend.models(this.basePath);
    const files = await Promise.all(names.map((m) => this.read(m)));
    return files.filter((f): f is RegistryFile => f !== undefined);
  }

  /** The model's registry.json; NOT_FOUND when the model was never published here. */
  async get(model: string): Promise<RegistryFile> {
    const found = await this.read(checkModelName(model));
    if (!found) {
      throw new CtpipeError('NOT_FOUND', `no model '${model}' in the registry at ${this.basePath}`, {
        details: { model, path: this.basePath },
      });
    }
    return found;
  }

  /** One version by number or label (`3`, `'3'`, `'stable'`); by default `stable`, else the newest. */
  async show(model: string, ref?: number | string | VersionRef): Promise<ModelVersion> {
    const registry = await this.get(model);
    const entry = t.resolveRef(registry, this.toRef(registry, ref));
    return {
      ...entry,
      model: registry.model,
      uri: versionDirOf(this.basePath, registry.model, entry.version),
      labels: t.labelsOf(registry, entry.version),
    };
  }

  setLabel(model: string, label: string, version: number): Promise<RegistryFile> {
    return this.update(model, (reg) => t.setLabel(reg, label, version, this.now()));
  }

  removeLabel(model: string, label: string): Promise<RegistryFile> {
    return this.update(model, (reg) => t.removeLabel(reg, label, this.now()));
  }

  /** canary → stable; the canary label is dropped. */
  promote(model: string): Promise<RegistryFile> {
    return this.update(model, (reg) => t.promote(reg, this.now()));
  }

  /** Drops the canary; stable is unchanged. */
  rollback(model: string): Promise<RegistryFile> {
    return this.update(model, (reg) => t.rollback(reg, this.now()));
  }

  setCanaryShare(model: string, percent: number): Promise<RegistryFile> {
    return this.update(model, (reg) => t.setCanaryShare(reg, percent, this.now()));
  }

  private async update(model: string, change: (reg: RegistryFile) => RegistryFile): Promise<RegistryFile> {
    await this.get(model);
    return this.backend.withLock(modelDirOf(this.basePath, model), this.lock, async () =>
      this.write(change(await this.get(model))),
    );
  }

  private read(model: string): Promise<RegistryFile | undefined> {
    return readRegistryFile(this.basePath, model, this.gcs ? { gcs: this.gcs } : {});
  }

  private async write(registry: RegistryFile): Promise<RegistryFile> {
    const file = registryFileOf(this.basePath, registry.model);
    await this.backend.storage.writeText(file, serializeRegistry(registry));
    return registry;
  }

  /** Under the lock: the next number after every registered version and every folder already there. */
  private async commitNextVersion(
    current: RegistryFile,
    staged: Awaited<ReturnType<RegistryBackend['stage']>>,
    model: string,
  ): Promise<number> {
    const folders = await this.backend.versionFolders(modelDirOf(this.basePath, model));
    let version = Math.max(0, ...folders, ...current.versions.map((v) => v.version)) + 1;
    // A folder created behind the registry's back (by hand, by TF Serving tooling) just moves the number on.
    while (!(await this.backend.commit(staged, versionDirOf(this.basePath, model, version)))) version++;
    return version;
  }

  private unchanged(found: { registry: RegistryFile; entry: RegisteredVersion }): PublishResult {
    const { registry, entry } = found;
    return {
      version: entry.version,
      created: false,
      uri: versionDirOf(this.basePath, registry.model, entry.version),
      labels: t.labelsOf(registry, entry.version),
      registry,
    };
  }

  private toRef(registry: RegistryFile, ref: number | string | VersionRef | undefined): VersionRef {
    if (typeof ref === 'number') return { version: ref };
    if (typeof ref === 'string') return parseVersionRef(ref, registry.model);
    if (ref) return ref;
    if (registry.labels.stable !== undefined) return { label: 'stable' };
    const newest = registry.versions.at(-1);
    if (!newest) {
      throw new CtpipeError('NOT_FOUND', `model '${registry.model}' has no versions`, {
        details: { model: registry.model },
      });
    }
    return { version: newest.version };
  }
}

export function openRegistry(basePath: string, options: OpenRegistryOptions = {}): ModelRegistry {
  return new ModelRegistry(basePath, options);
}

function findSource(
  registry: RegistryFile | undefined,
  source: string,
): { registry: RegistryFile; entry: RegisteredVersion } | undefined {
  const entry = registry?.versions.find((v) => v.source === source);
  return registry && entry ? { registry, entry } : undefined;
}

function versionEntry(request: PublishRequest, version: number, now: Date): RegisteredVersion {
  return {
    version,
    createdAt: now.toISOString(),
    source: request.source,
    ...(request.runId ? { runId: request.runId } : {}),
    ...(request.metrics ? { metrics: request.metrics } : {}),
    ...(request.blessing ? { blessing: request.blessing } : {}),
  };
}
