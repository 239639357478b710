import { CtpipeError } from '@ctpipe/errors';
import type { Prediction, ServingModel } from '@ctpipe/model';
import { BatchQueue } from './batching/batch-queue.js';
import { CanaryGuard } from './canary/canary-guard.js';
import { chooseVersion } from './canary/traffic-split.js';
import { ServingCounters } from './canary/version-counters.js';
import type { Selector } from './http/route.js';
import { ModelVersions } from './models/model-versions.js';
import { VersionWatcher } from './models/version-watcher.js';
import type { Row } from './predict/parse-predict-body.js';
import type { RegistryLabels } from './registry-file.js';
import { RequestLog } from './request-log/request-log.js';
import type {
  BatchingOptions,
  RequestLogOptions,
  RollbackOptions,
  ServingLogger,
  VersionPolicy,
} from './server-options.js';
import { type ServingStats, servingStats } from './serving-stats.js';

export interface ModelServiceConfig {
  modelName: string;
  /** A local folder (a remote base path is mirrored to one first, by `beforeScan`). */
  modelBasePath: string;
  versionPolicy: VersionPolicy;
  pollIntervalMs: number;
  batching: BatchingOptions | false;
  rollback: RollbackOptions | false;
  requestLog: RequestLogOptions | undefined;
  logger: ServingLogger;
  loadModel: (versionDir: string) => Promise<ServingModel>;
  random: () => number;
  now: () => Date;
  beforeScan?: () => Promise<void>;
}

export interface Resolved {
  version: number;
  model: ServingModel;
}

/**
 * One served model, without HTTP: its versions and their loading, the label/canary routing, the batch queues,
 * the counters and the automatic rollback, the request log. The HTTP layer maps requests onto it.
 */
export class ModelService {
  readonly versions: ModelVersions;
  readonly watcher: VersionWatcher;
  readonly counters = new ServingCounters();
  readonly guard: CanaryGuard;
  private readonly queues = new Map<number, BatchQueue>();
  private readonly requestLog: RequestLog | undefined;

  constructor(readonly config: ModelServiceConfig) {
    this.versions = new ModelVersions({
      loadModel: config.loadModel,
      logger: config.logger,
      beforeUnload: async (version) => {
        await this.queues.get(version)?.whenIdle();
        this.queues.delete(version);
      },
    });
    this.watcher = new VersionWatcher({
      modelBasePath: config.modelBasePath,
      policy: config.versionPolicy,
      pollIntervalMs: config.pollIntervalMs,
      versions: this.versions,
      logger: config.logger,
      ...(config.beforeScan ? { beforeScan: config.beforeScan } : {}),
    });
    this.guard = new CanaryGuard({
      options: config.rollback,
      modelBasePath: config.modelBasePath,
      counters: this.counters,
      labels: () => this.watcher.labels,
      logger: config.logger,
      now: config.now,
      onRolledBack: () => void this.watcher.pollNow(),
    });
    this.requestLog = config.requestLog
      ? new RequestLog(config.requestLog, { now: config.now, random: config.random, logger: config.logger })
      : undefined;
  }

  get name(): string {
    return this.config.modelName;
  }

  labels(): RegistryLabels {
    return this.guard.effectiveLabels();
  }

  /** The version a request is served by; `requestKey` makes the canary split sticky. */
  resolve(selector: Selector, requestKey: string | undefined): Resolved {
    const version = this.versionFor(selector, requestKey);
    const model = this.versions.model(version);
    if (!model) throw servableNotFound(this.name, selector, version);
    return { version, model };
  }

  /** The version metadata describes by default: the stable side, never a random canary draw. */
  resolveWithoutSplit(selector: Selector): Resolved {
    if (selector.kind !== 'default') return this.resolve(selector, undefined);
    return this.resolveDefault({ ...this.labels(), canaryTrafficPercent: 0 });
  }

  /** TF Serving answers an unknown label with INVALID_ARGUMENT (400), not NOT_FOUND. */
  versionOfLabel(label: string): number {
    const labels = this.labels().labels;
    if (!Object.hasOwn(labels, label)) {
      throw new CtpipeError('BAD_INPUT', `Unrecognized servable version label: ${label}`, {
        details: { expected: Object.keys(labels).join(', ') || 'no labels', found: label },
      });
    }
    return labels[label]!;
  }

  /** Rows already checked against `resolved.model.signature`. */
  predict(resolved: Resolved, rows: Row[]): Promise<Prediction> | Prediction {
    const { version, model } = resolved;
    const counters = this.counters.of(version);
    if (!this.config.batching) {
      counters.predictCalls++;
      counters.rows += rows.length;
      return model.predict(rows);
    }
    let queue = this.queues.get(version);
    if (!queue) {
      queue = new BatchQueue(
        (r) => model.predict(r),
        this.config.batching,
        (n) => {
          counters.predictCalls++;
          counters.rows += n;
        },
      );
      this.queues.set(version, queue);
    }
    return queue.submit(rows);
  }

  logInstances(rows: readonly Row[], prediction: Prediction, version: number): void {
    this.requestLog?.record(rows, prediction, version);
  }

  /** A request routed to `version` ended: counters, then the rollback check. */
  finished(version: number, status: number, ms: number): void {
    this.counters.of(version).record(status, ms);
    this.guard.check(version);
  }

  stats(): ServingStats {
    return servingStats(this);
  }

  async start(): Promise<void> {
    await this.watcher.start();
  }

  async stop(): Promise<void> {
    await this.watcher.stop();
    await this.versions.unloadAll();
    await this.requestLog?.close();
  }

  private versionFor(selector: Selector, requestKey: string | undefined): number {
    switch (selector.kind) {
      case 'version':
        return selector.version;
      case 'label':
        return this.versionOfLabel(selector.label);
      case 'default': {
        const choice = chooseVersion(
          this.labels(),
          this.versions.available(),
          requestKey,
          this.config.random,
        );
        if (!choice) throw servableNotFound(this.name, selector, undefined);
        return choice.version;
      }
    }
  }

  private resolveDefault(labels: RegistryLabels): Resolved {
    const choice = chooseVersion(labels, this.versions.available(), undefined, this.config.random);
    const model = choice && this.versions.model(choice.version);
    if (!choice || !model) throw servableNotFound(this.name, { kind: 'default' }, undefined);
    return { version: choice.version, model };
  }
}

/** TF Serving's NOT_FOUND for a servable request: `Latest(name)` or `Specific(name, version)`. */
export function servableNotFound(
  model: string,
  selector: Selector,
  version: number | undefined,
): CtpipeError {
  const request =
    selector.kind === 'default' || version === undefined
      ? `Latest(${model})`
      : `Specific(${model}, ${version})`;
  return new CtpipeError('NOT_FOUND', `Servable not found for request: ${request}`, {
    details: { model, ...(version === undefined ? {} : { version }) },
  });
}
