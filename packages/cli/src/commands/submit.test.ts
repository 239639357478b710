import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { exitCodeFor } from '@ctpipe/errors';
import type { PipelineSpec } from '@ctpipe/ir';
import { countingPort, withoutGoogleCredentials } from '@ctpipe/testing';
import { createVertexPipelineClients, type VertexPipelineClients, withCaching } from '@ctpipe/vertex';
import { describe, expect, it } from 'vitest';
import { fakeClients } from '../test-support/fake-vertex-clients.js';
import { openWorkspace } from '../workspace.js';
import { compileForEnvironment } from './compile.js';
import { submitCommand } from './submit.js';

const SETTINGS = `
defaults:
  pipeline_root: .ctpipe/pipeline-root
  metadata_db: .ctpipe/metadata.sqlite
  parameters:
    input_pattern: gs://ctpipe-data/penguins/span-{SPAN}/*.csv
    model_name: penguins
environments:
  dev: {}
  prod:
    parameters:
      max_trials: 20
    vertex:
      project: ctpipe-prod
      region: europe-west4
      pipeline_root: gs://ctpipe-prod-pipeline-root
      service_account: ctpipe-pipelines@ctpipe-prod.iam.gserviceaccount.com
      labels: { team: ml-platform, env: prod }
      enable_caching: false
`;
const settings = join(mkdtempSync(join(tmpdir(), 'submit-cli-')), 'settings.yaml');
writeFileSync(settings, SETTINGS);
const PROD = ['--env', 'prod', '--settings', settings];
const NOW = () => new Date(2026, 10, 28, 3, 4, 5);
const TEMPLATE = 'https://europe-west4-kfp.pkg.dev/ctpipe-prod/pipelines/ctpipe-ct/v7';

function capture(isTTY = false) {
  const chunks: string[] = [];
  return {
    isTTY,
    write: (chunk: string) => chunks.push(chunk) > 0,
    text: () => chunks.join(''),
    lines: () => chunks.join('').trimEnd().split('\n'),
  } as unknown as NodeJS.WritableStream & { text(): string; lines(): string[] };
}

const noClients = async (): Promise<VertexPipelineClients> => {
  throw new Error('a dry run must not create clients');
};

async function dryRun(args: string[]) {
  const out = capture();
  expect(await submitCommand([...PROD, '--dry-run', ...args], out, { clients: noClients, now: NOW })).toBe(0);
  return JSON.parse(out.text()) as {
    parent: string;
    pipelineJobId: string;
    pipelineJob: Record<string, unknown> & { pipelineSpec?: PipelineSpec };
  };
}

describe('ctpipe submit --dry-run', () => {
  const compiled = compileForEnvironment(openWorkspace({ env: 'prod', settings }));

  it('prints the request for the CT pipeline compiled for the environment, with its vertex settings', async () => {
    const printed = await dryRun([]);
    const { pipelineSpec, ...job } = printed.pipelineJob;
    expect({ ...printed, pipelineJob: job }).toEqual({
      parent: 'projects/ctpipe-prod/locations/europe-west4',
      pipelineJobId: 'ctpipe-ct-20261128030405',
      pipelineJob: {
        displayName: 'ctpipe-ct',
        runtimeConfig: { gcsOutputDirectory: 'gs://ctpipe-prod-pipeline-root' },
        labels: { team: 'ml-platform', env: 'prod' },
        serviceAccount: 'ctpipe-pipelines@ctpipe-prod.iam.gserviceaccount.com',
      },
    });
    // vertex.enable_caching: false rewrote every task; otherwise the spec is the compiled one (prod's defaults).
    expect(pipelineSpec).toEqual(withCaching(compiled, false));
    expect(pipelineSpec?.root.inputDefinitions?.parameters?.max_trials?.defaultValue).toBe(20);
    expect(pipelineSpec?.defaultPipelineRoot).toBe('gs://ctpipe-prod-pipeline-root');
  });

  it('types --param values, adds --label, lets --cache win over the settings and takes --job-id', async () => {
    const printed = await dryRun([
      '--param',
      'epochs=3',
      '--param',
      'tune=false',
      '--label',
      'trigger=manual',
      '--cache',
      '--job-id',
      'ct-hotfix-1',
    ]);
    expect(printed.pipelineJobId).toBe('ct-hotfix-1');
    expect(printed.pipelineJob.runtimeConfig).toEqual({
      gcsOutputDirectory: 'gs://ctpipe-prod-pipeline-root',
      parameterValues: { epochs: 3, tune: false },
    });
    expect(printed.pipelineJob.labels).toEqual({ team: 'ml-platform', env: 'prod', trigger: 'manual' });
    expect(printed.pipelineJob.pipelineSpec).toEqual(withCaching(compiled, true));
  });

  it('sends a template by URI with the environment’s parameters as values, and no spec', async () => {
    const printed = await dryRun(['--template-uri', TEMPLATE, '--param', 'seed=7']);
    expect(printed.pipelineJobId).toBe('ctpipe-ct-20261128030405');
    expect(printed.pipelineJob).toEqual({
      displayName: 'ctpipe-ct',
      templateUri: TEMPLATE,
      runtimeConfig: {
        gcsOutputDirectory: 'gs://ctpipe-prod-pipeline-root',
        parameterValues: {
          input_pattern: 'gs://ctpipe-data/penguins/span-{SPAN}/*.csv',
          model_name: 'penguins',
          max_trials: 20,
          seed: 7,
        },
      },
      labels: { team: 'ml-platform', env: 'prod' },
      serviceAccount: 'ctpipe-pipelines@ctpipe-prod.iam.gserviceaccount.com',
    });
  });

  it('refuses an unknown parameter, naming the declared ones', async () => {
    await expect(
      submitCommand([...PROD, '--dry-run', '--param', 'epoch=3'], capture(), {
        clients: noClients,
        now: NOW,
      }),
    ).rejects.toMatchObject({
      code: 'BAD_INPUT',
      message: expect.stringMatching(
        /^pipeline ctpipe-ct has no parameter 'epoch'; it declares input_pattern, .*epochs/,
      ),
    });
  });

  it('refuses a badly typed parameter, contradicting cache flags and caching a template', async () => {
    const run = (args: string[]) =>
      submitCommand([...PROD, '--dry-run', ...args], capture(), { clients: noClients, now: NOW });
    await expect(run(['--param', 'epochs=many'])).rejects.toMatchObject({
      code: 'BAD_INPUT',
      message: `parameter 'epochs' is a whole number (NUMBER_INTEGER), got "many"`,
    });
    await expect(run(['--cache', '--no-cache'])).rejects.toMatchObject({ code: 'BAD_INPUT' });
    await expect(run(['--template-uri', TEMPLATE, '--no-cache'])).rejects.toMatchObject({
      code: 'BAD_INPUT',
      message: expect.stringMatching(/^caching cannot be overridden for a template/),
    });
    await expect(run(['--label', 'Team=x'])).rejects.toMatchObject({ code: 'BAD_INPUT' });
  });

  it('says which environment has no vertex: block', async () => {
    await expect(
      submitCommand(['--env', 'dev', '--settings', settings, '--dry-run'], capture(), { clients: noClients }),
    ).rejects.toMatchObject({
      code: 'BAD_CONFIG',
      message: 'environment dev has no vertex: block in settings.yaml',
    });
  });

  it("accepts the repository's own settings.yaml for staging and prod", async () => {
    const repoSettings = join(import.meta.dirname, '../../../../settings.yaml');
    for (const env of ['staging', 'prod']) {
      const out = capture();
      await submitCommand(['--env', env, '--settings', repoSettings, '--dry-run'], out, {
        clients: noClients,
        now: NOW,
      });
      const printed = JSON.parse(out.text());
      expect(printed.parent).toBe(`projects/ctpipe-${env}/locations/europe-west4`);
      expect(printed.pipelineJob.serviceAccount).toBe(
        `ctpipe-pipelines@ctpipe-${env}.iam.gserviceaccount.com`,
      );
    }
  });
});

describe('ctpipe submit', () => {
  it('submits and prints the job as a JSON line when stdout is not a TTY', async () => {
    const fake = fakeClients([]);
    const out = capture();
    expect(
      await submitCommand([...PROD, '--allow-local-images'], out, {
        clients: async () => fake.clients,
        now: NOW,
      }),
    ).toBe(0);
    expect(fake.created.map((r) => [r.parent, r.pipelineJobId])).toEqual([
      ['projects/ctpipe-prod/locations/europe-west4', 'ctpipe-ct-20261128030405'],
    ]);
    expect(fake.created[0]?.pipelineJob?.pipelineSpec?.fields?.pipelineInfo).toBeDefined();
    expect(out.lines().map((l) => JSON.parse(l))).toEqual([
      {
        event: 'submitted',
        job: 'projects/ctpipe-prod/locations/europe-west4/pipelineJobs/ctpipe-ct-20261128030405',
        url: 'https://console.cloud.google.com/vertex-ai/locations/europe-west4/pipelines/runs/ctpipe-ct-20261128030405?project=ctpipe-prod',
      },
    ]);
    expect(fake.closed()).toBe(true);
  });

  it('--wait follows the job with the backoff and exits 0 when it succeeds (JSON lines)', async () => {
    const fake = fakeClients([
      {
        state: 'PIPELINE_STATE_RUNNING',
        jobDetail: { taskDetails: [{ taskName: 'extract', state: 'RUNNING' }] },
      },
      {
        state: 'PIPELINE_STATE_SUCCEEDED',
        jobDetail: { taskDetails: [{ taskName: 'extract', state: 'SUCCEEDED' }] },
      },
    ]);
    const delays: number[] = [];
    const out = capture();
    const code = await submitCommand([...PROD, '--wait', '--allow-local-images'], out, {
      clients: async () => fake.clients,
      now: NOW,
      sleep: async (ms) => {
        delays.push(ms);
      },
    });
    expect(code).toBe(0);
    expect(delays).toEqual([5000]);
    const job = 'projects/ctpipe-prod/locations/europe-west4/pipelineJobs/ctpipe-ct-20261128030405';
    expect(
      out
        .lines()
        .slice(1)
        .map((l) => JSON.parse(l)),
    ).toEqual([
      { event: 'task', job, task: 'extract', state: 'RUNNING' },
      { event: 'job', job, state: 'PIPELINE_STATE_RUNNING' },
      { event: 'task', job, task: 'extract', state: 'SUCCEEDED' },
      { event: 'job', job, state: 'PIPELINE_STATE_SUCCEEDED' },
    ]);
  });

  it('--wait on a TTY prints task lines, and a failed job ends in an error (non-zero exit)', async () => {
    const fake = fakeClients([
      {
        state: 'PIPELINE_STATE_FAILED',
        error: { code: 9, message: 'The DAG failed because some tasks failed.' },
        jobDetail: {
          taskDetails: [
            {
              taskName: 'train',
              state: 'FAILED',
              startTime: { seconds: String(Date.parse('2026-11-28T03:00:00Z') / 1000) },
              endTime: { seconds: String(Date.parse('2026-11-28T03:01:00Z') / 1000) },
              error: { message: 'exit code 1' },
            },
          ],
        },
      },
    ]);
    const out = capture(true);
    const attempt = submitCommand([...PROD, '--wait', '--allow-local-images'], out, {
      clients: async () => fake.clients,
      now: NOW,
    });
    await expect(attempt).rejects.toMatchObject({
      code: 'BAD_INPUT',
      message:
        'Vertex AI pipeline job failed: The DAG failed because some tasks failed. (failed tasks: train)',
    });
    expect(exitCodeFor('BAD_INPUT')).not.toBe(0);
    expect(out.lines().slice(2)).toEqual([
      '  train                FAILED         ended 03:01:00Z  exit code 1',
      'job   FAILED',
    ]);
    expect(fake.closed()).toBe(true);
  });
});

describe('ctpipe submit without Google credentials', () => {
  withoutGoogleCredentials();

  it('fails with UNAVAILABLE and how to fix it, connecting to nothing', async () => {
    const api = await countingPort();
    try {
      const attempt = submitCommand([...PROD, '--wait', '--allow-local-images'], capture(), {
        clients: (where) => createVertexPipelineClients(where, { apiEndpoint: '127.0.0.1', port: api.port }),
      });
      await expect(attempt).rejects.toMatchObject({
        code: 'UNAVAILABLE',
        message: expect.stringMatching(
          /^Vertex AI: no credentials found .*gcloud auth application-default login/,
        ),
      });
      expect(exitCodeFor('UNAVAILABLE')).toBe(7);
      expect(api.connections()).toBe(0);
    } finally {
      await api.close();
    }
  });
});

describe('ctpipe submit with the committed component images', () => {
  it('refuses before creating clients: ctpipe/<verb>:latest would be looked up on Docker Hub', async () => {
    await expect(submitCommand(PROD, capture(), { clients: noClients, now: NOW })).rejects.toMatchObject({
      code: 'BAD_CONFIG',
      message: expect.stringMatching(
        /images are not in a registry \(ctpipe\/evaluate:latest, .*ctpipe images set/,
      ),
    });
  });
});
