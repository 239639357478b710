import { toCtpipeError } from '@ctpipe/errors';
import { type RegistryLabels, removeCanaryLabel } from '../registry-file.js';
import type { RollbackOptions, ServingLogger } from '../server-options.js';
import type { ServingCounters } from './version-counters.js';

export interface Rollback {
  version: number;
  at: string;
  requests: number;
  errors: number;
  errorRate: number;
  stableErrorRate: number;
  reason: string;
}

interface Window {
  canary: number;
  stable: number | undefined;
  canaryStart: { requests: number; errors: number };
  stableStart: { requests: number; errors: number };
}

export interface CanaryGuardDeps {
  options: RollbackOptions | false;
  modelBasePath: string;
  counters: ServingCounters;
  labels: () => RegistryLabels;
  logger: ServingLogger;
  now: () => Date;
  /** After registry.json was rewritten: re-read the labels now. */
  onRolledBack: () => void;
}

/**
 * The automatic rollback: counts the canary's requests and errors from the moment it became the canary and,
 * once there are `minRequests`, rolls it back when its error rate exceeds the stable's by more than
 * `maxErrorRate` — errors that hit both sides alike (bad clients) do not count against the canary. Routing
 * stops sending it traffic at once; registry.json loses `labels.canary`.
 */
export class CanaryGuard {
  private window: Window | undefined;
  private rolledBackVersion: number | undefined;
  readonly rollbacks: Rollback[] = [];

  constructor(private readonly deps: CanaryGuardDeps) {}

  /** The labels the router should use: without a canary that was just rolled back. */
  effectiveLabels(): RegistryLabels {
    const labels = this.deps.labels();
    const canary = labels.labels.canary;
    if (this.rolledBackVersion !== undefined && canary !== this.rolledBackVersion) {
      this.rolledBackVersion = undefined;
    }
    if (canary === undefined || canary !== this.rolledBackVersion) {
      this.track(labels);
      return labels;
    }
    const { canary: _gone, ...rest } = labels.labels;
    return { labels: rest, canaryTrafficPercent: 0 };
  }

  /** Called after a request to `version` was counted. */
  check(version: number): void {
    const w = this.window;
    const options = this.deps.options;
    if (!options || !w || w.canary !== version || this.rolledBackVersion === version) return;
    const canary = this.deps.counters.of(w.canary);
    const requests = canary.requests - w.canaryStart.requests;
    if (requests < options.minRequests) return;
    const errors = canary.errors - w.canaryStart.errors;
    const errorRate = errors / requests;
    const stableErrorRate = this.stableErrorRate(w);
    if (errorRate - stableErrorRate <= options.maxErrorRate) return;
    const reason =
      `canary version ${version}: ${errors} errors in ${requests} requests (${pct(errorRate)}) vs ` +
      `${pct(stableErrorRate)} on stable, more than ${pct(options.maxErrorRate)} above it`;
    this.rolledBackVersion = version;
    this.rollbacks.push({
      version,
      at: this.deps.now().toISOString(),
      requests,
      errors,
      errorRate,
      stableErrorRate,
      reason,
    });
    this.deps.logger.warn('automatic rollback', { version, reason });
    void this.writeRollback(version);
  }

  private async writeRollback(version: number): Promise<void> {
    try {
      await removeCanaryLabel(this.deps.modelBasePath, version, this.deps.now());
    } catch (err) {
      this.deps.logger.warn(
        'automatic rollback: registry.json could not be rewritten; the canary gets no traffic here',
        {
          version,
          error: toCtpipeError(err).oneLine(),
        },
      );
    }
    this.deps.onRolledBack();
  }

  private track(labels: RegistryLabels): void {
    const canary = labels.labels.canary;
    const stable = labels.labels.stable;
    if (canary === undefined) {
      this.window = undefined;
      return;
    }
    if (this.window?.canary === canary && this.window.stable === stable) return;
    const snapshot = (v: number | undefined) => {
      const c = v === undefined ? undefined : this.deps.counters.of(v);
      return { requests: c?.requests ?? 0, errors: c?.errors ?? 0 };
    };
    this.window = { canary, stable, canaryStart: snapshot(canary), stableStart: snapshot(stable) };
  }

  private stableErrorRate(w: Window): number {
    if (w.stable === undefined) return 0;
    const stable = this.deps.counters.of(w.stable);
    const requests = stable.requests - w.stableStart.requests;
    return requests === 0 ? 0 : (stable.errors - w.stableStart.errors) / requests;
  }
}

function pct(rate: number): string {
  return `${(rate * 100).toFixed(1)} %`;
}
