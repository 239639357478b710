import { describe, expect, it } from 'vitest';
import { smallSpec } from '../test/small-spec.js';
import { buildCreatePipelineJobRequest, buildPipelineJob, pipelineJobToJson } from './pipeline-job.js';

const where = { project: 'ctpipe-prod', region: 'europe-west4' };
const root = 'gs://ctpipe-prod-pipeline-root';

describe('buildPipelineJob', () => {
  it('builds the whole job for a compiled spec: Struct/Value message form, typed parameters, labels', () => {
    const job = buildPipelineJob({
      source: { spec: smallSpec() },
      pipelineRoot: root,
      parameterValues: { epochs: '3', tune: 'false', input_pattern: 'gs://data/2026-11/*.csv' },
      serviceAccount: 'ctpipe-pipelines@ctpipe-prod.iam.gserviceaccount.com',
      network: 'projects/123456/global/networks/ml',
      labels: { team: 'ml-platform', env: 'prod' },
    });
    expect(job.displayName).toBe('penguins-ct');
    expect(job.runtimeConfig).toEqual({
      gcsOutputDirectory: root,
      parameterValues: {
        epochs: { numberValue: 3 },
        tune: { boolValue: false },
        input_pattern: { stringValue: 'gs://data/2026-11/*.csv' },
      },
    });
    expect(job.labels).toEqual({ team: 'ml-platform', env: 'prod' });
    expect(job.serviceAccount).toBe('ctpipe-pipelines@ctpipe-prod.iam.gserviceaccount.com');
    expect(job.network).toBe('projects/123456/global/networks/ml');
    expect(job.pipelineSpec?.fields?.pipelineInfo).toEqual({
      structValue: { fields: { name: { stringValue: 'penguins-ct' } } },
    });
    expect(
      job.pipelineSpec?.fields?.root?.structValue?.fields?.inputDefinitions?.structValue?.fields?.parameters
        ?.structValue?.fields?.features,
    ).toEqual({
      structValue: {
        fields: {
          parameterType: { stringValue: 'LIST' },
          defaultValue: { listValue: { values: [] } },
          isOptional: { boolValue: true },
        },
      },
    });
    // Back in proto3 JSON the spec is exactly the compiled one (caching not overridden).
    expect(pipelineJobToJson(job)).toEqual({
      displayName: 'penguins-ct',
      pipelineSpec: smallSpec(),
      runtimeConfig: {
        gcsOutputDirectory: root,
        parameterValues: { epochs: 3, tune: false, input_pattern: 'gs://data/2026-11/*.csv' },
      },
      labels: { team: 'ml-platform', env: 'prod' },
      serviceAccount: 'ctpipe-pipelines@ctpipe-prod.iam.gserviceaccount.com',
      network: 'projects/123456/global/networks/ml',
    });
  });

  it('wraps it in the create request: parent, and the SDK-style job id in local time', () => {
    const request = buildCreatePipelineJobRequest({
      ...where,
      source: { spec: smallSpec() },
      pipelineRoot: root,
      now: new Date(2026, 10, 28, 3, 4, 5),
    });
    expect(request.parent).toBe('projects/ctpipe-prod/locations/europe-west4');
    expect(request.pipelineJobId).toBe('penguins-ct-20261128030405');
    expect(pipelineJobToJson(request.pipelineJob ?? {})).toEqual({
      displayName: 'penguins-ct',
      pipelineSpec: smallSpec(),
      runtimeConfig: { gcsOutputDirectory: root },
    });
  });

  it('takes an explicit job id when valid and names the rule when not', () => {
    const base = { ...where, source: { spec: smallSpec() }, pipelineRoot: root };
    expect(buildCreatePipelineJobRequest({ ...base, jobId: 'nightly-42' }).pipelineJobId).toBe('nightly-42');
    expect(() => buildCreatePipelineJobRequest({ ...base, jobId: 'Nightly_42' })).toThrowError(
      expect.objectContaining({
        code: 'BAD_INPUT',
        details: expect.objectContaining({ found: 'Nightly_42' }),
      }),
    );
  });

  it('sends only the templateUri for an Artifact Registry template, named after its package', () => {
    const uri = 'https://europe-west4-kfp.pkg.dev/ctpipe-prod/pipelines/ctpipe-ct/v3';
    const request = buildCreatePipelineJobRequest({
      ...where,
      source: { templateUri: uri, spec: smallSpec() },
      pipelineRoot: root,
      parameterValues: { epochs: 5 },
      now: new Date(2026, 0, 2, 13, 14, 15),
    });
    expect(request.pipelineJobId).toBe('ctpipe-ct-20260102131415');
    expect(pipelineJobToJson(request.pipelineJob ?? {})).toEqual({
      displayName: 'penguins-ct',
      templateUri: uri,
      runtimeConfig: { gcsOutputDirectory: root, parameterValues: { epochs: 5 } },
    });
  });

  it('refuses a caching override for a template (its spec is fetched by Vertex) and a malformed template URI', () => {
    const uri = 'https://europe-west4-kfp.pkg.dev/ctpipe-prod/pipelines/ctpipe-ct/latest';
    expect(() =>
      buildPipelineJob({ source: { templateUri: uri }, pipelineRoot: root, enableCaching: false }),
    ).toThrowError(expect.objectContaining({ code: 'BAD_INPUT', message: expect.stringMatching(/caching/) }));
    expect(() =>
      buildPipelineJob({ source: { templateUri: 'gs://bucket/pipeline.json' }, pipelineRoot: root }),
    ).toThrowError(
      expect.objectContaining({
        code: 'BAD_INPUT',
        details: expect.objectContaining({ found: 'gs://bucket/pipeline.json' }),
      }),
    );
  });

  it('rewrites caching for every task when asked', () => {
    const job = buildPipelineJob({ source: { spec: smallSpec() }, pipelineRoot: root, enableCaching: false });
    const spec = pipelineJobToJson(job).pipelineSpec as unknown as ReturnType<typeof smallSpec>;
    expect(spec.root.dag?.tasks.extract?.cachingOptions).toEqual({ enableCache: false });
    expect(spec.components['comp-condition-1']?.dag?.tasks.train?.cachingOptions).toEqual({
      enableCache: false,
    });
  });

  it('checks the spec before sending it', () => {
    const spec = smallSpec();
    spec.root.dag!.tasks.extract!.componentRef.name = 'comp-missing';
    expect(() => buildPipelineJob({ source: { spec }, pipelineRoot: root })).toThrowError(
      expect.objectContaining({
        code: 'BAD_CONFIG',
        message: expect.stringMatching(
          /^the pipeline is not a valid PipelineSpec:\n {2}root\.dag\.tasks\.extract/,
        ),
      }),
    );
  });

  it('rejects a local pipeline root and bad labels', () => {
    expect(() => buildPipelineJob({ source: { spec: smallSpec() }, pipelineRoot: '/tmp/root' })).toThrowError(
      expect.objectContaining({ code: 'BAD_CONFIG' }),
    );
    expect(() =>
      buildPipelineJob({ source: { spec: smallSpec() }, pipelineRoot: root, labels: { Team: 'ml' } }),
    ).toThrowError(
      expect.objectContaining({ code: 'BAD_INPUT', details: expect.objectContaining({ label: 'Team' }) }),
    );
  });
});
