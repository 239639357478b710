import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { PipelineSpec } from '@ctpipe/ir';
import { type CreateScheduleRequest, type VertexPipelineClients, withCaching } from '@ctpipe/vertex';
import { describe, expect, it } from 'vitest';
import { openWorkspace } from '../workspace.js';
import { compileForEnvironment } from './compile.js';
import { scheduleCommand } from './schedule.js';

const SETTINGS = `
defaults:
  pipeline_root: .ctpipe/pipeline-root
  metadata_db: .ctpipe/metadata.sqlite
  parameters:
    input_pattern: gs://ctpipe-data/penguins/span-{SPAN}/*.csv
environments:
  staging:
    vertex:
      project: ctpipe-staging
      region: europe-west4
      pipeline_root: gs://ctpipe-staging-pipeline-root
  prod:
    vertex:
      project: ctpipe-prod
      region: europe-west4
      pipeline_root: gs://ctpipe-prod-pipeline-root
      service_account: ctpipe-pipelines@ctpipe-prod.iam.gserviceaccount.com
      labels: { team: ml-platform, env: prod }
      enable_caching: false
      schedule:
        cron: "0 3 * * *"
        time_zone: Europe/Amsterdam
        max_concurrent_runs: 1
`;
const settings = join(mkdtempSync(join(tmpdir(), 'schedule-cli-')), 'settings.yaml');
writeFileSync(settings, SETTINGS);
const PROD = ['--env', 'prod', '--settings', settings];

function capture() {
  const chunks: string[] = [];
  return {
    write: (chunk: string) => chunks.push(chunk) > 0,
    text: () => chunks.join(''),
  } as unknown as NodeJS.WritableStream & { text(): string };
}

const noClients = async (): Promise<VertexPipelineClients> => {
  throw new Error('a dry run must not create clients');
};

type PrintedSchedule = {
  parent: string;
  schedule: Record<string, unknown> & {
    createPipelineJobRequest: {
      parent: string;
      pipelineJob: Record<string, unknown> & { pipelineSpec?: PipelineSpec };
    };
  };
};

async function dryRun(args: string[]): Promise<PrintedSchedule> {
  const out = capture();
  expect(await scheduleCommand([...PROD, '--dry-run', ...args], out, { clients: noClients })).toBe(0);
  return JSON.parse(out.text()) as PrintedSchedule;
}

describe('ctpipe schedule --dry-run', () => {
  it('prints the nightly schedule from vertex.schedule, running the CT pipeline compiled for prod', async () => {
    const printed = await dryRun([]);
    const { pipelineSpec, ...job } = printed.schedule.createPipelineJobRequest.pipelineJob;
    expect(printed).toEqual({
      parent: 'projects/ctpipe-prod/locations/europe-west4',
      schedule: {
        displayName: 'ctpipe-ct-prod',
        cron: 'TZ=Europe/Amsterdam 0 3 * * *',
        maxConcurrentRunCount: 1,
        createPipelineJobRequest: {
          parent: 'projects/ctpipe-prod/locations/europe-west4',
          pipelineJob: expect.any(Object),
        },
      },
    });
    expect(job).toEqual({
      displayName: 'ctpipe-ct',
      runtimeConfig: { gcsOutputDirectory: 'gs://ctpipe-prod-pipeline-root' },
      labels: { team: 'ml-platform', env: 'prod' },
      serviceAccount: 'ctpipe-pipelines@ctpipe-prod.iam.gserviceaccount.com',
    });
    expect(pipelineSpec).toEqual(
      withCaching(compileForEnvironment(openWorkspace({ env: 'prod', settings })), false),
    );
  });

  it('lets flags override the settings', async () => {
    const printed = await dryRun([
      '--cron',
      '*/30 6-18 * * MON-FRI',
      '--time-zone',
      'America/New_York',
      '--max-concurrent-runs',
      '2',
      '--max-runs',
      '10',
      '--start',
      '2026-12-01T00:00:00Z',
      '--end',
      '2027-01-01T00:00:00Z',
      '--display-name',
      'ct-business-hours',
      '--param',
      'max_trials=5',
    ]);
    const { createPipelineJobRequest, ...rest } = printed.schedule;
    expect(rest).toEqual({
      displayName: 'ct-business-hours',
      cron: 'TZ=America/New_York */30 6-18 * * MON-FRI',
      maxConcurrentRunCount: 2,
      maxRunCount: 10,
      startTime: '2026-12-01T00:00:00.000Z',
      endTime: '2027-01-01T00:00:00.000Z',
    });
    expect(createPipelineJobRequest.pipelineJob.runtimeConfig).toEqual({
      gcsOutputDirectory: 'gs://ctpipe-prod-pipeline-root',
      parameterValues: { max_trials: 5 },
    });
  });

  it('names what is expected for a bad time zone, cron or count', async () => {
    await expect(dryRun(['--time-zone', 'Mars/Olympus'])).rejects.toMatchObject({
      code: 'BAD_INPUT',
      message: expect.stringMatching(/^'Mars\/Olympus' is not a time zone: expected an IANA name/),
    });
    await expect(dryRun(['--cron', '0 3 * * 8'])).rejects.toMatchObject({
      code: 'BAD_INPUT',
      details: { field: 'day of week', expected: '0-6 or SUN-SAT', found: '8' },
    });
    await expect(dryRun(['--max-runs', '0'])).rejects.toMatchObject({
      code: 'BAD_INPUT',
      message: "--max-runs expects a whole number ≥ 1, got '0'",
    });
  });

  it('needs a cron from the flag or the settings', async () => {
    await expect(
      scheduleCommand(['--env', 'staging', '--settings', settings, '--dry-run'], capture(), {
        clients: noClients,
      }),
    ).rejects.toMatchObject({
      code: 'BAD_CONFIG',
      message: 'no cron for environment staging: pass --cron or set vertex.schedule.cron in settings.yaml',
    });
  });
});

describe('ctpipe schedule', () => {
  it('creates the schedule and prints its name', async () => {
    const created: CreateScheduleRequest[] = [];
    let closed = false;
    const clients: VertexPipelineClients = {
      pipelines: {
        createPipelineJob: async () => [{}],
        getPipelineJob: async () => [{}],
      },
      schedules: {
        async createSchedule(request) {
          created.push(request);
          return [{ name: `${request.parent}/schedules/8765` }];
        },
      },
      close: async () => {
        closed = true;
      },
    };
    const out = capture();
    expect(
      await scheduleCommand([...PROD, '--allow-local-images'], out, { clients: async () => clients }),
    ).toBe(0);
    expect(created.map((r) => [r.parent, r.schedule?.cron, r.schedule?.maxConcurrentRunCount])).toEqual([
      ['projects/ctpipe-prod/locations/europe-west4', 'TZ=Europe/Amsterdam 0 3 * * *', 1],
    ]);
    expect(JSON.parse(out.text())).toEqual({
      event: 'scheduled',
      schedule: 'projects/ctpipe-prod/locations/europe-west4/schedules/8765',
      cron: 'TZ=Europe/Amsterdam 0 3 * * *',
    });
    expect(closed).toBe(true);
  });
});
