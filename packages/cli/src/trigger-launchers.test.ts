import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { RunRequest } from '@ctpipe/metadata';
import type { PipelineJob } from '@ctpipe/vertex';
import { describe, expect, it } from 'vitest';
import { fakeClients } from './test-support/fake-vertex-clients.js';
import { vertexLauncher } from './trigger-launchers.js';
import { openWorkspace } from './workspace.js';

const settings = join(mkdtempSync(join(tmpdir(), 'vertex-launcher-')), 'settings.yaml');
writeFileSync(
  settings,
  `defaults:
  pipeline_root: .ctpipe/root
  metadata_db: .ctpipe/metadata.sqlite
  parameters:
    input_pattern: gs://ctpipe-prod-data/penguins/span-{SPAN}/*.parquet
environments:
  prod:
    vertex:
      project: ctpipe-prod
      region: europe-west4
      pipeline_root: gs://ctpipe-prod-pipeline-root
      labels: { team: ml-platform }
`,
);

const request: RunRequest = {
  id: 7,
  pipelineName: 'ctpipe-ct',
  trigger: 'new-data',
  reason: 'new span 12 (1 file(s)) matching gs://ctpipe-prod-data/penguins/span-{SPAN}/*.parquet',
  parameters: { span: 12 },
  dedupeKey: 'span-12',
  state: 'CLAIMED',
  runId: null,
  claimedBy: 1,
  error: null,
  attempts: 0,
  createdAt: new Date(),
  updatedAt: new Date(),
};

function launcherWith(states: PipelineJob[]) {
  const fake = fakeClients(states);
  const out = { write: () => true } as unknown as NodeJS.WritableStream;
  const launch = vertexLauncher({
    ws: openWorkspace({ env: 'prod', settings }),
    allowLocalImages: true,
    deps: { clients: async () => fake.clients, now: () => new Date(2026, 10, 28), sleep: async () => {} },
    json: true,
    out,
    signal: new AbortController().signal,
  });
  return { launch, created: fake.created };
}

describe('the Vertex AI trigger launcher (the Pub/Sub subscriber submits through it)', () => {
  it("submits the request as a PipelineJob: the run id as job id, the trigger's parameters, the trigger as label", async () => {
    const { launch, created } = launcherWith([{ state: 'PIPELINE_STATE_SUCCEEDED' }]);
    const result = await launch(request, { runId: 'ctpipe-ct-20261128-030000-abc123' });
    expect(result).toEqual({ runId: 'ctpipe-ct-20261128-030000-abc123', state: 'SUCCEEDED' });
    expect(created).toHaveLength(1);
    const job = created[0]!;
    expect(job.parent).toBe('projects/ctpipe-prod/locations/europe-west4');
    expect(job.pipelineJobId).toBe('ctpipe-ct-20261128-030000-abc123');
    expect(job.pipelineJob?.labels).toEqual({ team: 'ml-platform', 'ctpipe-trigger': 'new-data' });
    expect(job.pipelineJob?.runtimeConfig?.gcsOutputDirectory).toBe('gs://ctpipe-prod-pipeline-root');
    expect(job.pipelineJob?.runtimeConfig?.parameterValues?.span).toEqual({ numberValue: 12 });
  });

  it('reports a failed job as a FAILED run with the reason, so the queue records it', async () => {
    const { launch } = launcherWith([
      {
        state: 'PIPELINE_STATE_FAILED',
        error: { code: 3, message: 'The DAG failed because some tasks failed.' },
      },
    ]);
    const result = await launch(request, { runId: 'ctpipe-ct-20261128-030000-def456' });
    expect(result.state).toBe('FAILED');
    expect(result.error).toMatch(/some tasks failed/);
  });
});
