import { CtpipeError } from '@ctpipe/errors';
import { resolveSettingsPath } from '@ctpipe/settings';
import { type DriftOptions, driftSource } from './drift/drift-source.js';
import { parseDuration } from './duration.js';
import type { TriggerListener } from './listener.js';
import { newDataSource } from './new-data/new-data-source.js';
import { createPubSubTriggerSource } from './pubsub/pubsub-source.js';
import { type QualityOptions, qualitySource } from './quality/quality-source.js';
import type { ScheduleConfig } from './schedule/schedule-decision.js';
import { scheduleSource } from './schedule/schedule-source.js';
import type { TriggerSource } from './source.js';

/** settings.yaml's `triggers` block as @ctpipe/settings validates it (snake_case, defaults applied). */
export interface TriggersSettingsBlock {
  poll_interval: string;
  max_concurrent_runs: number;
  schedule?: { cron: string; time_zone: string } | undefined;
  new_data?: { enabled: boolean } | undefined;
  drift?: { request_log: string; min_instances: number; threshold: number } | undefined;
  quality?:
    | { feedback: string; label: string; prediction: string; min_accuracy: number; min_examples: number }
    | undefined;
  pubsub?: { subscription: string } | undefined;
}

export interface TriggersConfig {
  pollIntervalMs: number;
  maxConcurrentRuns: number;
  schedule?: ScheduleConfig;
  /** The pipeline's input_pattern, absolute or gs://; needs {SPAN}. */
  newData?: { inputPattern: string; settleMs: number };
  drift?: DriftOptions;
  quality?: QualityOptions;
  pubsub?: { subscription: string; inputPattern?: string };
}

export interface SettingsContext {
  /** The folder of settings.yaml: request_log and feedback paths are relative to it. */
  settingsDir: string;
  /** The pipeline's input_pattern parameter, already absolute (or gs://); '' when it has none. */
  inputPattern: string;
  /** Where the triggers keep files of their own (drift's snapshots of checked serving traffic). */
  stateDir: string;
  /** `--poll-interval` overrides the settings. */
  pollInterval?: string;
}

/** The settings block as the typed configuration the sources take, every path made absolute. */
export function triggersConfigFromSettings(
  block: TriggersSettingsBlock,
  ctx: SettingsContext,
): TriggersConfig {
  const pollIntervalMs = parseDuration(
    ctx.pollInterval ?? block.poll_interval,
    ctx.pollInterval ? '--poll-interval' : 'triggers.poll_interval',
  );
  const local = (p: string) => resolveSettingsPath(ctx.settingsDir, p);
  const config: TriggersConfig = { pollIntervalMs, maxConcurrentRuns: block.max_concurrent_runs };
  if (block.schedule) config.schedule = { cron: block.schedule.cron, timeZone: block.schedule.time_zone };
  if (block.new_data?.enabled) {
    if (!ctx.inputPattern.includes('{SPAN}')) {
      throw new CtpipeError(
        'BAD_CONFIG',
        'triggers.new_data needs parameters.input_pattern with {SPAN} (e.g. data/span-{SPAN}/*.csv)',
        {
          details: {
            path: 'parameters.input_pattern',
            expected: 'a pattern with {SPAN}',
            found: ctx.inputPattern,
          },
        },
      );
    }
    config.newData = { inputPattern: ctx.inputPattern, settleMs: pollIntervalMs };
  }
  if (block.drift) {
    config.drift = {
      requestLog: local(block.drift.request_log),
      minInstances: block.drift.min_instances,
      threshold: block.drift.threshold,
      snapshotDir: `${ctx.stateDir.replace(/\/+$/, '')}/serving-data`,
    };
  }
  if (block.quality) {
    config.quality = {
      feedback: local(block.quality.feedback),
      label: block.quality.label,
      prediction: block.quality.prediction,
      minAccuracy: block.quality.min_accuracy,
      minExamples: block.quality.min_examples,
    };
  }
  if (block.pubsub) {
    config.pubsub = {
      subscription: block.pubsub.subscription,
      ...(ctx.inputPattern.startsWith('gs://') ? { inputPattern: ctx.inputPattern } : {}),
    };
  }
  return config;
}

/** The polled sources and pushed listeners a configuration asks for. */
export function createTriggerSources(config: TriggersConfig): {
  sources: TriggerSource[];
  listeners: TriggerListener[];
} {
  const sources: TriggerSource[] = [];
  if (config.schedule) sources.push(scheduleSource(config.schedule));
  if (config.newData) sources.push(newDataSource(config.newData));
  if (config.drift) sources.push(driftSource(config.drift));
  if (config.quality) sources.push(qualitySource(config.quality));
  const listeners = config.pubsub ? [createPubSubTriggerSource(config.pubsub)] : [];
  return { sources, listeners };
}
