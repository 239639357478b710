import { CtpipeError } from '@ctpipe/errors';
import { type JsonObject, type JsonValue, type PipelineSpec, validatePipelineSpec } from '@ctpipe/ir';
import type { protos } from '@google-cloud/aiplatform';
import { withCaching } from './caching.js';
import { defaultJobId, validateJobId } from './job-id.js';
import { validateLabels } from './labels.js';
import { typeParameterValues } from './parameter-values.js';
import {
  fromProtobufStruct,
  fromProtobufValue,
  toProtobufStruct,
  toProtobufValue,
} from './protobuf-value.js';
import { locationPath } from './resource-names.js';
import { parseTemplateUri } from './template-uri.js';

export type PipelineJob = protos.google.cloud.aiplatform.v1.IPipelineJob;
export type CreatePipelineJobRequest = protos.google.cloud.aiplatform.v1.ICreatePipelineJobRequest;

/**
 * What runs: the compiled spec itself, or a template uploaded to Artifact Registry (Vertex fetches its spec).
 * With a template, `spec` is optional and only checks the parameters (the pipeline the template was built from).
 */
export type PipelineSource = { spec: PipelineSpec } | { templateUri: string; spec?: PipelineSpec };

export interface PipelineJobOptions {
  source: PipelineSource;
  /** runtimeConfig.gcsOutputDirectory: where the run writes its artifacts (the environment's vertex.pipeline_root). */
  pipelineRoot: string;
  /** Runtime values of the pipeline's parameters; strings are parsed for non-string parameters. */
  parameterValues?: Record<string, JsonValue>;
  serviceAccount?: string;
  /** `projects/<number>/global/networks/<name>` to peer with. */
  network?: string;
  labels?: Record<string, string>;
  /** Overrides every task's caching; undefined keeps what the pipeline was compiled with. */
  enableCaching?: boolean;
  /** Default: the pipeline's display name, else its name. */
  displayName?: string;
}

/** The `google.cloud.aiplatform.v1.PipelineJob` message, in the form the Node gapic client encodes correctly. */
export function buildPipelineJob(options: PipelineJobOptions): PipelineJob {
  const { source } = options;
  if (!options.pipelineRoot.startsWith('gs://')) {
    throw new CtpipeError('BAD_CONFIG', 'Vertex AI runs need a gs:// pipeline root (vertex.pipeline_root)', {
      details: { expected: 'gs://<bucket>/<path>', found: options.pipelineRoot },
    });
  }
  const template = 'templateUri' in source ? parseTemplateUri(source.templateUri) : undefined;
  if (template && options.enableCaching !== undefined) {
    throw new CtpipeError(
      'BAD_INPUT',
      'caching cannot be overridden for a template: Vertex fetches its spec as uploaded. Submit the compiled ' +
        'pipeline instead, or compile it with the caching you want before uploading.',
      { details: { templateUri: template.uri } },
    );
  }
  const spec = source.spec;
  if (spec && !template) checkSpec(spec);
  const values = options.parameterValues ?? {};
  const typed = spec ? typeParameterValues(spec, values) : values;
  const labels = validateLabels(options.labels ?? {});
  const job: PipelineJob = {
    displayName:
      options.displayName ??
      spec?.pipelineInfo.displayName ??
      spec?.pipelineInfo.name ??
      template?.package ??
      'pipeline',
  };
  if (template) job.templateUri = template.uri;
  else if (spec)
    job.pipelineSpec = toProtobufStruct(withCaching(spec, options.enableCaching) as unknown as JsonObject);
  job.runtimeConfig = { gcsOutputDirectory: options.pipelineRoot };
  if (Object.keys(typed).length > 0) {
    job.runtimeConfig.parameterValues = Object.fromEntries(
      Object.entries(typed).map(([name, value]) => [name, toProtobufValue(value)]),
    );
  }
  if (Object.keys(labels).length > 0) job.labels = labels;
  if (options.serviceAccount) job.serviceAccount = options.serviceAccount;
  if (options.network) job.network = options.network;
  return job;
}

export interface PipelineJobTarget {
  project: string;
  region: string;
  /** Default `<pipeline-name>-<yyyymmddhhmmss>`. */
  jobId?: string;
  /** The clock the default job id reads. */
  now?: Date;
}

export function buildCreatePipelineJobRequest(
  options: PipelineJobOptions & PipelineJobTarget,
): CreatePipelineJobRequest {
  const pipelineJob = buildPipelineJob(options);
  return {
    parent: locationPath(options.project, options.region),
    pipelineJob,
    pipelineJobId: options.jobId
      ? validateJobId(options.jobId)
      : defaultJobId(pipelineNameOf(options.source), options.now ?? new Date()),
  };
}

/** Vertex answers a malformed spec only after the job is created; say what is wrong before sending it. */
function checkSpec(spec: PipelineSpec): void {
  const checked = validatePipelineSpec(spec);
  if (checked.ok) return;
  const first = checked.problems.slice(0, 5).map((p) => `${p.path}: ${p.message}`);
  throw new CtpipeError('BAD_CONFIG', `the pipeline is not a valid PipelineSpec:\n  ${first.join('\n  ')}`, {
    details: { path: checked.problems[0]?.path },
  });
}

function pipelineNameOf(source: PipelineSource): string {
  if ('templateUri' in source) return parseTemplateUri(source.templateUri).package;
  return source.spec.pipelineInfo.name;
}

/**
 * The job in proto3 JSON (the REST body, pipelineSpec as pipeline.json holds it): for `--dry-run` output and logs.
 */
export function pipelineJobToJson(job: PipelineJob): JsonObject {
  const json = structuredClone(job) as unknown as JsonObject;
  if (job.pipelineSpec) json.pipelineSpec = fromProtobufStruct(job.pipelineSpec);
  const values = job.runtimeConfig?.parameterValues;
  if (
    values &&
    typeof json.runtimeConfig === 'object' &&
    json.runtimeConfig &&
    !Array.isArray(json.runtimeConfig)
  ) {
    json.runtimeConfig.parameterValues = Object.fromEntries(
      Object.entries(values).map(([name, value]) => [name, fromProtobufValue(value)]),
    );
  }
  return json;
}
