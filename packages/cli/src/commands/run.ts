import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { CtpipeError } from '@ctpipe/errors';
import type { JsonValue, PipelineSpec } from '@ctpipe/ir';
import { openMetadataStore } from '@ctpipe/metadata';
import { createJsonLinesReporter, createTtyReporter, runPipeline } from '@ctpipe/runner';
import { newRunId } from '@ctpipe/triggers';
import { parse as parseYaml } from 'yaml';
import { type CommandSpec, type FlagSpec, keyValuePairs, parseCommand } from '../options.js';
import { waitForRunLock } from '../run-lock.js';
import { runSummary } from '../run-summary.js';
import { COMMON_FLAGS, openWorkspace } from '../workspace.js';
import { compileForEnvironment } from './compile.js';
import { serve, serveTarget } from './serve.js';

export const runSpec = {
  name: 'run',
  summary:
    'run a pipeline locally (default: the CT pipeline compiled for --env) and record it in the metadata store',
  flags: {
    ...COMMON_FLAGS,
    pipeline: {
      type: 'string',
      description: 'a compiled pipeline.json / .yaml to run instead of the CT pipeline',
    },
    param: {
      type: 'string',
      multiple: true,
      description: 'a pipeline parameter, name=value (value parsed as JSON when it is)',
    },
    'host-commands': {
      type: 'boolean',
      description: 'run images that are not components of this repo as host commands (no Docker engine)',
      default: false,
    },
    'no-cache': { type: 'boolean', description: 'disable caching for every task', default: false },
    json: { type: 'boolean', description: 'progress as JSON lines even on a TTY', default: false },
    verbose: {
      type: 'boolean',
      description: 'list every output artifact URI in the summary',
      default: false,
    },
    reason: {
      type: 'string',
      description: 'why this on-demand run, recorded with it in the metadata store (ctpipe runs shows it)',
    },
    serve: {
      type: 'boolean',
      description: 'after a successful run, serve the pushed model until Ctrl-C (prints a curl line)',
      default: false,
    },
    port: { type: 'string', description: 'with --serve: the REST port (default: serving.port, else 8501)' },
  },
} satisfies CommandSpec<Record<string, FlagSpec>>;

export async function runCommand(argv: string[], out: NodeJS.WriteStream): Promise<number> {
  const { flags } = parseCommand(runSpec, argv);
  const ws = openWorkspace(flags);
  const spec = flags.pipeline
    ? await readPipelineFile(resolve(flags.pipeline))
    : compileForEnvironment(ws, { local: true });
  const store = await openMetadataStore(ws.env.metadata_db);
  const reporter = out.isTTY && !flags.json ? createTtyReporter(out) : createJsonLinesReporter(out);
  const abort = new AbortController();
  const onSignal = () => abort.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  let code: number;
  const runId = newRunId(spec.pipelineInfo.name);
  let release: (() => Promise<void>) | undefined;
  try {
    release = await waitForRunLock(store, spec.pipelineInfo.name, runId, {
      signal: abort.signal,
      onWait: (held) =>
        process.stderr.write(
          `another run of ${spec.pipelineInfo.name} is in progress (${held.runId}, pid ${held.pid}): waiting for it\n`,
        ),
    });
    const result = await runPipeline({
      runId,
      trigger: 'manual',
      triggerReason:
        flags.reason ??
        `on demand: ctpipe run by ${process.env.USER ?? process.env.USERNAME ?? 'an unnamed user'}`,
      spec,
      store,
      pipelineRoot: ws.env.pipeline_root,
      repoRoot: ws.root,
      reporter,
      parameters: parseParams(flags.param ?? []),
      hostCommands: flags['host-commands'],
      ...(flags['no-cache'] ? { enableCaching: false } : {}),
      ...(ws.env.max_parallel ? { maxParallel: ws.env.max_parallel } : {}),
      signal: abort.signal,
    });
    reporter.close();
    if (out.isTTY || !flags.json) out.write(runSummary(result, { verbose: flags.verbose }));
    code = result.state === 'SUCCEEDED' ? 0 : 1;
  } finally {
    await release?.();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await store.close();
  }
  if (code === 0 && flags.serve)
    await serve(ws, serveTarget(ws, { port: flags.port, host: '127.0.0.1' }), out);
  return code;
}

async function readPipelineFile(file: string): Promise<PipelineSpec> {
  const text = await readFile(file, 'utf8').catch((err) => {
    throw new CtpipeError('NOT_FOUND', `pipeline file not found: ${file}`, { details: { file }, cause: err });
  });
  try {
    // The KFP SDK writes YAML by default (JSON is the same object); a second YAML document is a PlatformSpec.
    return (file.endsWith('.json') ? JSON.parse(text) : parseYaml(text.split(/^---$/m)[0]!)) as PipelineSpec;
  } catch (err) {
    throw new CtpipeError(
      'BAD_CONFIG',
      `pipeline file is not valid ${file.endsWith('.json') ? 'JSON' : 'YAML'}: ${(err as Error).message}`,
      {
        details: { file },
      },
    );
  }
}

/** `--param name=value`: the value as JSON when it parses (numbers, booleans, structs), else the string. */
function parseParams(pairs: string[]): Record<string, JsonValue> {
  const params: Record<string, JsonValue> = {};
  for (const [name, raw] of Object.entries(keyValuePairs('--param', pairs))) {
    try {
      params[name] = JSON.parse(raw) as JsonValue;
    } catch {
      params[name] = raw;
    }
  }
  return params;
}
