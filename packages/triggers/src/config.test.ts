import { describe, expect, it } from 'vitest';
import { createTriggerSources, triggersConfigFromSettings } from './config.js';

const ctx = {
  settingsDir: '/repo/conf',
  inputPattern: '/data/span-{SPAN}/*.csv',
  stateDir: '/repo/.ctpipe/triggers',
};

describe('triggersConfigFromSettings', () => {
  it('makes paths absolute against settings.yaml and takes new data from input_pattern', () => {
    const config = triggersConfigFromSettings(
      {
        poll_interval: '5s',
        max_concurrent_runs: 2,
        schedule: { cron: '0 3 * * *', time_zone: 'Europe/Amsterdam' },
        new_data: { enabled: true },
        drift: { request_log: 'serving/requests', min_instances: 100, threshold: 0.2 },
        quality: {
          feedback: 'gs://bkt/feedback/*.ndjson',
          label: 'species',
          prediction: 'predicted',
          min_accuracy: 0.8,
          min_examples: 50,
        },
        pubsub: { subscription: 'ct-triggers' },
      },
      ctx,
    );
    expect(config).toEqual({
      pollIntervalMs: 5_000,
      maxConcurrentRuns: 2,
      schedule: { cron: '0 3 * * *', timeZone: 'Europe/Amsterdam' },
      newData: { inputPattern: '/data/span-{SPAN}/*.csv', settleMs: 5_000 },
      drift: {
        requestLog: '/repo/conf/serving/requests',
        minInstances: 100,
        threshold: 0.2,
        snapshotDir: '/repo/.ctpipe/triggers/serving-data',
      },
      quality: {
        feedback: 'gs://bkt/feedback/*.ndjson',
        label: 'species',
        prediction: 'predicted',
        minAccuracy: 0.8,
        minExamples: 50,
      },
      // A local input pattern: Cloud Storage notifications cannot name its files.
      pubsub: { subscription: 'ct-triggers' },
    });
    const { sources, listeners } = createTriggerSources(config);
    expect(sources.map((s) => s.name)).toEqual(['schedule', 'new-data', 'drift', 'quality']);
    expect(listeners.map((l) => l.name)).toEqual(['pubsub']);
  });

  it('lets --poll-interval override the settings, and names it when it is wrong', () => {
    const block = { poll_interval: '1m', max_concurrent_runs: 1 };
    expect(triggersConfigFromSettings(block, { ...ctx, pollInterval: '250ms' }).pollIntervalMs).toBe(250);
    expect(() => triggersConfigFromSettings(block, { ...ctx, pollInterval: 'often' })).toThrow(
      expect.objectContaining({
        code: 'BAD_INPUT',
        details: expect.objectContaining({ path: '--poll-interval' }),
      }),
    );
  });

  it('leaves new data off when disabled, and refuses it without {SPAN}', () => {
    const off = { poll_interval: '1m', max_concurrent_runs: 1, new_data: { enabled: false } };
    expect(triggersConfigFromSettings(off, { ...ctx, inputPattern: '/data/*.csv' }).newData).toBeUndefined();
    expect(() =>
      triggersConfigFromSettings(
        { ...off, new_data: { enabled: true } },
        { ...ctx, inputPattern: '/data/*.csv' },
      ),
    ).toThrow(expect.objectContaining({ code: 'BAD_CONFIG' }));
  });
});
