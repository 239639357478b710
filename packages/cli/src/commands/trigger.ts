import { dirname, join } from 'node:path';
import { CtpipeError } from '@ctpipe/errors';
import { openMetadataStore } from '@ctpipe/metadata';
import {
  createTriggerSources,
  formatTriggerEvent,
  runTriggers,
  type TriggerEvent,
  triggersConfigFromSettings,
} from '@ctpipe/triggers';
import { type CommandSpec, type FlagSpec, parseCommand } from '../options.js';
import { localLauncher, vertexLauncher } from '../trigger-launchers.js';
import { COMMON_FLAGS, localParameters, openWorkspace } from '../workspace.js';
import { compileForEnvironment } from './compile.js';
import { realVertexDeps, type VertexCommandDeps } from './submit.js';

export const triggerSpec = {
  name: 'trigger',
  summary:
    'watch the continuous-training triggers of --env (schedule, new data, drift/skew, quality, Pub/Sub) and run the pipeline when one fires',
  flags: {
    ...COMMON_FLAGS,
    once: {
      type: 'boolean',
      description: 'poll the triggers once, run what is queued, then exit (for tests and cron)',
      default: false,
    },
    'poll-interval': {
      type: 'string',
      description: 'how often to poll, e.g. 5s, 1m (default: triggers.poll_interval)',
    },
    'host-commands': {
      type: 'boolean',
      description: 'run images that are not components of this repo as host commands (no Docker engine)',
      default: false,
    },
    json: { type: 'boolean', description: 'JSON lines even on a TTY', default: false },
  },
} satisfies CommandSpec<Record<string, FlagSpec>>;

type Output = NodeJS.WritableStream & { isTTY?: boolean };

export async function triggerCommand(
  argv: string[],
  out: Output,
  deps: Partial<VertexCommandDeps> = {},
): Promise<number> {
  const { flags } = parseCommand(triggerSpec, argv);
  const ws = openWorkspace(flags);
  const block = ws.env.triggers;
  if (!block) {
    throw new CtpipeError(
      'BAD_CONFIG',
      `environment '${ws.env.name}' has no triggers block in settings.yaml`,
      {
        details: {
          file: ws.env.source,
          path: `environments.${ws.env.name}.triggers`,
          expected: 'triggers: { poll_interval, schedule, new_data, drift, quality, pubsub }',
        },
      },
    );
  }
  const spec = compileForEnvironment(ws, { local: true });
  // The drift trigger reads what `ctpipe serve` logs, unless it is pointed elsewhere.
  const requestLog = block.drift?.request_log ?? ws.env.serving?.request_log?.dir;
  if (block.drift && !requestLog) {
    throw new CtpipeError(
      'BAD_CONFIG',
      `settings.yaml is invalid: environments.${ws.env.name}.triggers.drift.request_log: missing, and there is no serving.request_log.dir to default to`,
      { details: { file: ws.env.source, path: `environments.${ws.env.name}.triggers.drift.request_log` } },
    );
  }
  const drift = block.drift && requestLog ? { ...block.drift, request_log: requestLog } : undefined;
  const inputPattern = localParameters(ws).input_pattern;
  const config = triggersConfigFromSettings(
    { ...block, drift },
    {
      settingsDir: dirname(ws.env.source),
      inputPattern: typeof inputPattern === 'string' ? inputPattern : '',
      stateDir: join(dirname(ws.env.metadata_db), 'triggers'),
      ...(flags['poll-interval'] ? { pollInterval: flags['poll-interval'] } : {}),
    },
  );
  const { sources, listeners } = createTriggerSources(config);
  const json = flags.json || !out.isTTY;
  const print = (event: TriggerEvent) =>
    out.write(`${json ? JSON.stringify(event) : formatTriggerEvent(event)}\n`);

  // First signal: finish the current run, start no other. Second: cancel the current run too.
  const stopLoop = new AbortController();
  const cancelRuns = new AbortController();
  const onSignal = () => {
    if (stopLoop.signal.aborted) cancelRuns.abort();
    else {
      stopLoop.abort();
      if (!json) out.write('stopping after the current run (again to cancel it)\n');
    }
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  const store = openMetadataStore(ws.env.metadata_db);
  try {
    const result = await runTriggers({
      store,
      pipelineName: spec.pipelineInfo.name,
      sources,
      listeners,
      launch:
        block.launcher === 'vertex'
          ? vertexLauncher({ ws, deps: { ...realVertexDeps, ...deps }, json, out, signal: cancelRuns.signal })
          : localLauncher({
              ws,
              spec,
              store,
              hostCommands: flags['host-commands'],
              json,
              out,
              signal: cancelRuns.signal,
            }),
      pollIntervalMs: config.pollIntervalMs,
      maxConcurrentRuns: config.maxConcurrentRuns,
      once: flags.once,
      signal: stopLoop.signal,
      events: print,
    });
    return result.runs.some((r) => r.state === 'FAILED') && flags.once ? 1 : 0;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await store.close();
  }
}
