import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadEnvironment } from './load-settings.js';
import { triggersSchema } from './triggers-schema.js';

function settingsWith(triggers: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'ctpipe-settings-'));
  const file = join(dir, 'settings.yaml');
  writeFileSync(
    file,
    `defaults:\n  pipeline_root: root\n  metadata_db: md.sqlite\nenvironments:\n  dev:\n    triggers:\n${triggers}\n`,
  );
  return file;
}

describe('triggers settings', () => {
  it('reads every block with its defaults', () => {
    const env = loadEnvironment(
      settingsWith(
        [
          '      poll_interval: 5s',
          '      schedule: { cron: "0 3 * * *", time_zone: Europe/Amsterdam }',
          '      new_data: {}',
          '      drift: { request_log: serving/requests }',
          '      quality: { feedback: feedback/*.ndjson, min_accuracy: 0.8 }',
          '      pubsub: { subscription: projects/p/subscriptions/ct-triggers }',
        ].join('\n'),
      ),
      'dev',
    );
    expect(env.triggers).toEqual({
      poll_interval: '5s',
      launcher: 'local',
      max_concurrent_runs: 1,
      schedule: { cron: '0 3 * * *', time_zone: 'Europe/Amsterdam' },
      new_data: { enabled: true },
      drift: { request_log: 'serving/requests', min_instances: 100, threshold: 0.1 },
      quality: {
        feedback: 'feedback/*.ndjson',
        label: 'label',
        prediction: 'prediction',
        min_accuracy: 0.8,
        min_examples: 50,
      },
      pubsub: { subscription: 'projects/p/subscriptions/ct-triggers' },
    });
  });

  it('names the key path and what was expected for a wrong type or value', () => {
    expect(() =>
      loadEnvironment(settingsWith('      drift: { request_log: r, min_instances: "lots" }'), 'dev'),
    ).toThrow(/environments\.dev\.triggers\.drift\.min_instances: expected a positive whole number/);
    expect(() => loadEnvironment(settingsWith('      poll_interval: soon'), 'dev')).toThrow(
      /environments\.dev\.triggers\.poll_interval: expected a duration such as "5s"/,
    );
    expect(() =>
      loadEnvironment(settingsWith('      schedule: { cron: "0 3 * * *", time_zone: Mars/Olympus }'), 'dev'),
    ).toThrow(/triggers\.schedule\.time_zone: expected an IANA time zone/);
    expect(() =>
      loadEnvironment(settingsWith('      quality: { feedback: f, min_accuracy: 80 }'), 'dev'),
    ).toThrow(/triggers\.quality\.min_accuracy: expected a number between 0 and 1/);
  });

  it('refuses an unknown key, naming it', () => {
    let error: unknown;
    try {
      loadEnvironment(settingsWith('      schedule: { cron: "0 3 * * *", timezone: UTC }'), 'dev');
    } catch (err) {
      error = err;
    }
    expect(error).toMatchObject({
      code: 'BAD_CONFIG',
      details: { path: 'environments.dev.triggers.schedule' },
    });
    expect(String((error as Error).message)).toMatch(/triggers\.schedule: Unrecognized key: "timezone"/);
  });

  it('refuses a cron expression that is not 5 or 6 fields', () => {
    const parsed = triggersSchema.safeParse({ schedule: { cron: 'daily' } });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]).toMatchObject({ path: ['schedule', 'cron'] });
  });
});
