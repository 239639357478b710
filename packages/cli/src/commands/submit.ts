import { CtpipeError } from '@ctpipe/errors';
import type { JsonValue, PipelineSpec } from '@ctpipe/ir';
import {
  buildCreatePipelineJobRequest,
  consoleUrl,
  createVertexPipelineClients,
  type PipelineJobEvent,
  type PipelineJobOptions,
  pipelineJobToJson,
  submitPipelineJob,
  type VertexPipelineClients,
  waitForPipelineJob,
} from '@ctpipe/vertex';
import { type CommandSpec, type FlagSpec, keyValuePairs, parseCommand } from '../options.js';
import { requirePublishedImages } from '../published-images.js';
import { COMMON_FLAGS, openWorkspace, type Workspace } from '../workspace.js';
import { compileForEnvironment } from './compile.js';

/** Flags `submit` and `schedule` share: what the pipeline job is. */
export const JOB_FLAGS = {
  ...COMMON_FLAGS,
  'template-uri': {
    type: 'string',
    description:
      'run this Artifact Registry template instead of the freshly compiled pipeline (default: vertex.template_uri)',
  },
  param: {
    type: 'string',
    multiple: true,
    description: 'a pipeline parameter, name=value (parsed by the parameter’s declared type)',
  },
  label: { type: 'string', multiple: true, description: 'a job label, key=value (added to vertex.labels)' },
  cache: { type: 'boolean', description: 'enable caching for every task', default: false },
  'no-cache': { type: 'boolean', description: 'disable caching for every task', default: false },
  'dry-run': { type: 'boolean', description: 'print the request as JSON and send nothing', default: false },
  'allow-local-images': {
    type: 'boolean',
    description: 'submit even though component images name no registry host (ctpipe/<verb>:latest)',
    default: false,
  },
  json: { type: 'boolean', description: 'JSON lines even on a TTY', default: false },
} as const satisfies Record<string, FlagSpec>;

export const submitSpec = {
  name: 'submit',
  summary: 'submit the CT pipeline compiled for --env to Vertex AI Pipelines (--wait follows it to the end)',
  flags: {
    ...JOB_FLAGS,
    wait: {
      type: 'boolean',
      description: 'poll until the job ends, printing task states; exit 0 only if it succeeded',
      default: false,
    },
    'job-id': { type: 'string', description: 'the job id (default: <pipeline-name>-<yyyymmddhhmmss>)' },
  },
} satisfies CommandSpec<Record<string, FlagSpec>>;

/** What the commands reach Vertex through; tests pass fakes. */
export interface VertexCommandDeps {
  clients: (where: { project: string; region: string }) => Promise<VertexPipelineClients>;
  now: () => Date;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

export const realVertexDeps: VertexCommandDeps = {
  clients: (where) => createVertexPipelineClients(where),
  now: () => new Date(),
};

export async function submitCommand(
  argv: string[],
  out: NodeJS.WritableStream,
  deps: Partial<VertexCommandDeps> = {},
): Promise<number> {
  const { clients: makeClients, now, sleep } = { ...realVertexDeps, ...deps };
  const { flags } = parseCommand(submitSpec, argv);
  const ws = openWorkspace(flags);
  const job = jobOptions(ws, flags);
  const vertex = job.vertex;
  const request = buildCreatePipelineJobRequest({
    ...job.options,
    project: vertex.project,
    region: vertex.region,
    now: now(),
    ...(flags['job-id'] ? { jobId: flags['job-id'] } : {}),
  });
  if (flags['dry-run']) {
    const json = {
      parent: request.parent,
      pipelineJobId: request.pipelineJobId,
      pipelineJob: pipelineJobToJson(request.pipelineJob ?? {}),
    };
    out.write(`${JSON.stringify(json, null, 2)}\n`);
    return 0;
  }
  const tty = isTty(out) && !flags.json;
  const clients = await makeClients({ project: vertex.project, region: vertex.region });
  const abort = new AbortController();
  const onSignal = () => abort.abort(new CtpipeError('UNAVAILABLE', 'interrupted'));
  process.once('SIGINT', onSignal);
  try {
    const name = await submitPipelineJob(clients, request);
    const url = consoleUrl(name);
    out.write(
      tty ? `submitted ${name}\n  ${url}\n` : `${JSON.stringify({ event: 'submitted', job: name, url })}\n`,
    );
    if (!flags.wait) return 0;
    try {
      await waitForPipelineJob(clients.pipelines, name, {
        onUpdate: (event) =>
          out.write(tty ? ttyLine(event) : `${JSON.stringify({ event: event.type, ...omitType(event) })}\n`),
        signal: abort.signal,
        ...(sleep ? { sleep } : {}),
      });
    } catch (err) {
      if (!abort.signal.aborted) throw err;
      out.write(
        tty
          ? `stopped waiting; the job keeps running: ${url}\n`
          : `${JSON.stringify({ event: 'detached', job: name, url })}\n`,
      );
      return 130;
    }
    return 0;
  } finally {
    process.off('SIGINT', onSignal);
    await clients.close();
  }
}

type JobFlags = {
  env: string;
  'template-uri'?: string | undefined;
  param?: string[] | undefined;
  label?: string[] | undefined;
  cache: boolean;
  'no-cache': boolean;
  'dry-run'?: boolean;
  'allow-local-images'?: boolean;
};

type VertexSettings = NonNullable<Workspace['env']['vertex']>;

/** The environment's `vertex:` block and flags, as buildPipelineJob options (shared by submit and schedule). */
export function jobOptions(
  ws: Workspace,
  flags: JobFlags,
): { vertex: VertexSettings; spec: PipelineSpec; options: PipelineJobOptions } {
  const vertex = ws.env.vertex;
  if (!vertex) {
    throw new CtpipeError('BAD_CONFIG', `environment ${ws.env.name} has no vertex: block in settings.yaml`, {
      details: {
        file: ws.env.source,
        path: `environments.${ws.env.name}.vertex`,
        expected: 'project, region, pipeline_root',
      },
    });
  }
  if (flags.cache && flags['no-cache']) {
    throw new CtpipeError('BAD_INPUT', '--cache and --no-cache contradict each other; pass one');
  }
  const spec = compileForEnvironment(ws);
  const templateUri = flags['template-uri'] ?? vertex.template_uri;
  // A dry run shows the request as it is; anything sent must name images Vertex AI can pull.
  if (!templateUri && !flags['dry-run'] && !flags['allow-local-images']) requirePublishedImages(spec);
  const cliCaching = flags.cache ? true : flags['no-cache'] ? false : undefined;
  // A template's spec is fetched by Vertex as uploaded, so the environment's caching setting cannot reach it; only
  // an explicit flag is worth an error there.
  const enableCaching = templateUri ? cliCaching : (cliCaching ?? vertex.enable_caching);
  const params = keyValuePairs('--param', flags.param ?? []);
  const declared = spec.root.inputDefinitions?.parameters ?? {};
  // The compiled spec carries the environment's parameters as defaults; a template was compiled elsewhere, so they
  // are sent as values (those the pipeline declares).
  const envValues: Record<string, JsonValue> = templateUri
    ? Object.fromEntries(
        Object.entries({ ...ws.env.parameters, ...(vertex.parameters ?? {}) }).filter(
          ([k]) => k in declared,
        ) as [string, JsonValue][],
      )
    : {};
  const options: PipelineJobOptions = {
    source: templateUri ? { templateUri, spec } : { spec },
    pipelineRoot: vertex.pipeline_root,
    parameterValues: { ...envValues, ...params },
    labels: { ...(vertex.labels ?? {}), ...keyValuePairs('--label', flags.label ?? []) },
    ...(vertex.service_account ? { serviceAccount: vertex.service_account } : {}),
    ...(vertex.network ? { network: vertex.network } : {}),
    ...(enableCaching === undefined ? {} : { enableCaching }),
  };
  return { vertex, spec, options };
}

function isTty(out: NodeJS.WritableStream): boolean {
  return (out as { isTTY?: boolean }).isTTY === true;
}

function omitType(event: PipelineJobEvent): Record<string, unknown> {
  const { type: _type, ...rest } = event;
  return rest;
}

function ttyLine(event: PipelineJobEvent): string {
  const clock = (iso: string | undefined) => (iso ? `${iso.slice(11, 19)}Z` : '');
  switch (event.type) {
    case 'job':
      return `job   ${event.state.replace('PIPELINE_STATE_', '')}\n`;
    case 'task': {
      const when = event.endTime
        ? `ended ${clock(event.endTime)}`
        : event.startTime
          ? `started ${clock(event.startTime)}`
          : '';
      return `  ${event.task.padEnd(20)} ${event.state.padEnd(14)} ${when}${event.error ? `  ${event.error}` : ''}\n`.replace(
        / +\n$/,
        '\n',
      );
    }
    case 'retry':
      return `  (Vertex AI unreachable: ${event.error}; retrying in ${Math.round(event.delayMs / 1000)} s)\n`;
  }
}
