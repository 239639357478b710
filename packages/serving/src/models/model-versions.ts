import { type CtpipeError, toCtpipeError } from '@ctpipe/errors';
import type { ServingModel } from '@ctpipe/model';
import { type CanonicalCode, canonicalCode } from '../error-codes.js';
import type { ServingLogger } from '../server-options.js';
import type { VersionFolder } from './scan-versions.js';
import { versionsToKeep } from './version-policy.js';

/** TF Serving's ModelVersionStatus states (the ones a servable goes through here). */
export type VersionState = 'LOADING' | 'AVAILABLE' | 'UNLOADING' | 'END';

export interface VersionStatus {
  version: number;
  state: VersionState;
  /** Why a load failed (state END). */
  error?: { code: CanonicalCode; message: string };
}

interface Entry extends VersionStatus {
  fingerprint: string;
  model?: ServingModel;
}

export interface ModelVersionsDeps {
  loadModel: (versionDir: string) => Promise<ServingModel>;
  /** Resolves once nothing queued still needs the version (the batch queue drained). */
  beforeUnload: (version: number) => Promise<void>;
  logger: ServingLogger;
}

/**
 * The servable versions of one model and their states (TF Serving's AspiredVersionsManager for one servable
 * stream): loads what is aspired, unloads what is not, and never leaves fewer versions serving than before
 * because a new one failed to load.
 */
export class ModelVersions {
  private readonly entries = new Map<number, Entry>();
  private availableCache: number[] | undefined;

  constructor(private readonly deps: ModelVersionsDeps) {}

  /** The loaded model of an AVAILABLE version. */
  model(version: number): ServingModel | undefined {
    const entry = this.entries.get(version);
    return entry?.state === 'AVAILABLE' ? entry.model : undefined;
  }

  /** AVAILABLE versions, highest first. Read on every request, so kept rather than recomputed. */
  available(): readonly number[] {
    this.availableCache ??= [...this.entries.values()]
      .filter((e) => e.state === 'AVAILABLE')
      .map((e) => e.version)
      .sort((a, b) => b - a);
    return this.availableCache;
  }

  /** Every known version, highest first (as TF Serving's GetModelStatus lists them). */
  statuses(): VersionStatus[] {
    return [...this.entries.values()]
      .sort((a, b) => b.version - a.version)
      .map(({ version, state, error }) => ({ version, state, ...(error ? { error } : {}) }));
  }

  /** One reconciliation: load aspired versions (newest first), then unload those no longer needed. */
  async sync(folders: readonly VersionFolder[], aspired: ReadonlySet<number>): Promise<void> {
    const byVersion = new Map(folders.map((f) => [f.version, f]));
    for (const version of [...aspired].sort((a, b) => b - a)) {
      const folder = byVersion.get(version);
      const entry = this.entries.get(version);
      if (!folder || (entry && entry.state !== 'END')) continue;
      // A failed version is retried only once its folder changed; one unloaded earlier loads again at once.
      if (entry?.error && entry.fingerprint === folder.fingerprint) continue;
      await this.load(folder);
    }
    const keep = versionsToKeep(aspired, this.available());
    for (const version of [...this.available()]) {
      if (!keep.has(version)) await this.unload(version, byVersion.has(version));
    }
    for (const entry of [...this.entries.values()]) {
      if (entry.state === 'END' && !byVersion.has(entry.version)) this.entries.delete(entry.version);
    }
  }

  async unloadAll(): Promise<void> {
    for (const version of [...this.available()]) await this.unload(version, false);
  }

  private async load(folder: VersionFolder): Promise<void> {
    const entry: Entry = { version: folder.version, state: 'LOADING', fingerprint: folder.fingerprint };
    this.entries.set(folder.version, entry);
    try {
      entry.model = await this.deps.loadModel(folder.dir);
      entry.state = 'AVAILABLE';
      this.availableCache = undefined;
      this.deps.logger.info('version loaded', { version: folder.version, dir: folder.dir });
    } catch (err) {
      const error = toCtpipeError(err);
      entry.state = 'END';
      entry.error = { code: canonicalCode(error), message: loadErrorMessage(error) };
      this.deps.logger.warn('version failed to load; the versions serving stay', {
        version: folder.version,
        dir: folder.dir,
        error: entry.error.message,
      });
    }
  }

  private async unload(version: number, keepEntry: boolean): Promise<void> {
    const entry = this.entries.get(version);
    if (!entry?.model) return;
    entry.state = 'UNLOADING';
    this.availableCache = undefined;
    await this.deps.beforeUnload(version);
    entry.model.dispose();
    delete entry.model;
    entry.state = 'END';
    if (!keepEntry) this.entries.delete(version);
    this.deps.logger.info('version unloaded', { version });
  }
}

/** A CtpipeError's one line names the file and field; an unexpected error keeps its own message. */
function loadErrorMessage(err: CtpipeError): string {
  return err.code === 'INTERNAL' ? err.message : err.oneLine();
}
