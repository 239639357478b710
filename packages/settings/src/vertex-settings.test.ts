import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadEnvironment } from './load-settings.js';

function settingsWithVertex(vertex: string): string {
  const file = join(mkdtempSync(join(tmpdir(), 'vertex-settings-')), 'settings.yaml');
  writeFileSync(
    file,
    `defaults:\n  pipeline_root: root\n  metadata_db: md.sqlite\nenvironments:\n  prod:\n    vertex:\n${vertex
      .trim()
      .split('\n')
      .map((l) => `      ${l}`)
      .join('\n')}\n`,
  );
  return file;
}

const BASE = 'project: ctpipe-prod\nregion: europe-west4\npipeline_root: gs://ctpipe-prod-pipeline-root';

describe('vertex: settings', () => {
  it('reads the full block', () => {
    const file = settingsWithVertex(`${BASE}
service_account: ctpipe-pipelines@ctpipe-prod.iam.gserviceaccount.com
labels: { team: ml-platform, env: prod }
network: projects/123456/global/networks/ml
enable_caching: false
template_uri: https://europe-west4-kfp.pkg.dev/ctpipe-prod/pipelines/ctpipe-ct/latest
schedule: { cron: "0 3 * * *", time_zone: Europe/Amsterdam, max_concurrent_runs: 1 }`);
    expect(loadEnvironment(file, 'prod').vertex).toEqual({
      project: 'ctpipe-prod',
      region: 'europe-west4',
      pipeline_root: 'gs://ctpipe-prod-pipeline-root',
      service_account: 'ctpipe-pipelines@ctpipe-prod.iam.gserviceaccount.com',
      labels: { team: 'ml-platform', env: 'prod' },
      network: 'projects/123456/global/networks/ml',
      enable_caching: false,
      template_uri: 'https://europe-west4-kfp.pkg.dev/ctpipe-prod/pipelines/ctpipe-ct/latest',
      schedule: { cron: '0 3 * * *', time_zone: 'Europe/Amsterdam', max_concurrent_runs: 1 },
    });
  });

  it.each([
    [
      'an unknown key',
      `${BASE}\nenableCaching: false`,
      'environments.prod.vertex',
      /Unrecognized key.*enableCaching/,
    ],
    [
      'a string for a boolean',
      `${BASE}\nenable_caching: "no"`,
      'environments.prod.vertex.enable_caching',
      /expected true or false/,
    ],
    [
      'an upper-case label value',
      `${BASE}\nlabels: { team: ML }`,
      'environments.prod.vertex.labels.team',
      /label value/,
    ],
    [
      'a 6-field cron',
      `${BASE}\nschedule: { cron: "0 0 3 * * *" }`,
      'environments.prod.vertex.schedule.cron',
      /5-field cron/,
    ],
    [
      'an unknown time zone',
      `${BASE}\nschedule: { cron: "0 3 * * *", time_zone: CET+1 }`,
      'environments.prod.vertex.schedule.time_zone',
      /IANA time zone/,
    ],
    [
      'zero concurrent runs',
      `${BASE}\nschedule: { cron: "0 3 * * *", max_concurrent_runs: 0 }`,
      'environments.prod.vertex.schedule.max_concurrent_runs',
      /whole number of runs/,
    ],
    [
      'an unknown schedule key',
      `${BASE}\nschedule: { cron: "0 3 * * *", timezone: UTC }`,
      'environments.prod.vertex.schedule',
      /Unrecognized key.*timezone/,
    ],
    [
      'a service account that is not an e-mail',
      `${BASE}\nservice_account: ctpipe-pipelines`,
      'environments.prod.vertex.service_account',
      /service account e-mail/,
    ],
    [
      'a template that is not in Artifact Registry',
      `${BASE}\ntemplate_uri: gs://b/pipeline.json`,
      'environments.prod.vertex.template_uri',
      /kfp\.pkg\.dev/,
    ],
  ])('rejects %s, naming the key and what is expected', (_what, vertex, path, message) => {
    const file = settingsWithVertex(vertex);
    let caught: unknown;
    try {
      loadEnvironment(file, 'prod');
    } catch (err) {
      caught = err;
    }
    expect(caught).toMatchObject({ code: 'BAD_CONFIG', details: { file, path } });
    expect((caught as Error).message).toMatch(message);
    expect((caught as Error).message).toContain(`${path}:`);
  });
});
