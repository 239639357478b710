import { toCtpipeError } from '@ctpipe/errors';
import { NO_LABELS, type RegistryLabels, readRegistryLabels, registryFingerprint } from '../registry-file.js';
import type { ServingLogger, VersionPolicy } from '../server-options.js';
import type { ModelVersions } from './model-versions.js';
import { scanVersions } from './scan-versions.js';
import { aspiredVersions } from './version-policy.js';

export interface VersionWatcherDeps {
  modelBasePath: string;
  policy: VersionPolicy;
  /** 0 = one scan at start, then only on `pollNow()`. */
  pollIntervalMs: number;
  versions: ModelVersions;
  logger: ServingLogger;
  /** Runs before a scan (a remote base path is mirrored locally there). */
  beforeScan?: () => Promise<void>;
}

/**
 * TF Serving's file-system storage path source: polls the base path, reads the labels from registry.json when
 * it changed, and hands the aspired versions to ModelVersions. Polls never overlap; a failing poll is logged
 * and the next one tries again.
 */
export class VersionWatcher {
  private current: RegistryLabels = NO_LABELS;
  private registryStamp = '';
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> = Promise.resolve();
  private stopped = false;

  constructor(private readonly deps: VersionWatcherDeps) {}

  get labels(): RegistryLabels {
    return this.current;
  }

  /** The first poll: resolves once every aspired version has loaded or failed. */
  async start(): Promise<void> {
    await this.pollNow();
  }

  /** A poll now (after the one running, if any). */
  pollNow(): Promise<void> {
    this.running = this.running.then(() => this.poll());
    return this.running;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.running;
  }

  private async poll(): Promise<void> {
    if (this.stopped) return;
    clearTimeout(this.timer);
    try {
      await this.deps.beforeScan?.();
      await this.refreshLabels();
      const folders = await scanVersions(this.deps.modelBasePath);
      const aspired = aspiredVersions(
        this.deps.policy,
        folders.map((f) => f.version),
        Object.values(this.current.labels),
      );
      await this.deps.versions.sync(folders, aspired);
    } catch (err) {
      this.deps.logger.warn('polling the model base path failed', {
        path: this.deps.modelBasePath,
        error: toCtpipeError(err).oneLine(),
      });
    }
    if (!this.stopped && this.deps.pollIntervalMs > 0) {
      this.timer = setTimeout(() => void this.pollNow(), this.deps.pollIntervalMs);
      this.timer.unref();
    }
  }

  private async refreshLabels(): Promise<void> {
    const stamp = await registryFingerprint(this.deps.modelBasePath);
    if (stamp === this.registryStamp) return;
    try {
      const next = await readRegistryLabels(this.deps.modelBasePath);
      this.registryStamp = stamp;
      if (JSON.stringify(next) !== JSON.stringify(this.current)) {
        this.deps.logger.info('labels', { ...next.labels, canaryTrafficPercent: next.canaryTrafficPercent });
      }
      this.current = next;
    } catch (err) {
      // A registry.json someone broke by hand: keep routing by the last good labels.
      this.registryStamp = stamp;
      this.deps.logger.warn('registry.json unreadable; keeping the previous labels', {
        error: toCtpipeError(err).oneLine(),
      });
    }
  }
}
