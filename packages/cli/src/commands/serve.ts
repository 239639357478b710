import { resolve } from 'node:path';
import { openMetadataStore } from '@ctpipe/metadata';
import { readRegistryFile } from '@ctpipe/registry';
import { createServer, parseCliOptions } from '@ctpipe/serving';
import { type CommandSpec, type FlagSpec, parseCommand } from '../options.js';
import { curlLine, sampleInstance } from '../sample-instance.js';
import { COMMON_FLAGS, openWorkspace, settingsPath, type Workspace } from '../workspace.js';

export const serveSpec = {
  name: 'serve',
  summary: "serve the registry's models (TF Serving REST API + Vertex AI routes) until Ctrl-C",
  flags: {
    ...COMMON_FLAGS,
    model: { type: 'string', description: "model name (default: the environment's model_name)" },
    port: { type: 'string', description: "REST port (default: the environment's serving.port, else 8501)" },
    host: { type: 'string', description: 'interface to listen on', default: '127.0.0.1' },
    'request-log-dir': {
      type: 'string',
      description:
        'log a sample of requests as NDJSON here, for skew/drift (default: serving.request_log.dir)',
    },
    'request-log-sample': { type: 'string', description: 'fraction of instances logged' },
  },
} satisfies CommandSpec<Record<string, FlagSpec>>;

export interface ServeTarget {
  base: string;
  model: string;
  port: string;
  host: string;
  requestLog?: { dir: string; sampleRate: number; rotateSeconds: number } | undefined;
}

/** Where and what to serve: flags first, then the environment's `serving:` block and parameters. */
export function serveTarget(
  ws: Workspace,
  flags: {
    model?: string | undefined;
    port?: string | undefined;
    host: string;
    'request-log-dir'?: string | undefined;
    'request-log-sample'?: string | undefined;
  },
): ServeTarget {
  const params = ws.env.parameters;
  const base = typeof params.serving_base_path === 'string' ? params.serving_base_path : '.ctpipe/serving';
  const model = flags.model ?? (typeof params.model_name === 'string' ? params.model_name : 'model');
  const port = flags.port ?? String(ws.env.serving?.port ?? 8501);
  const log = ws.env.serving?.request_log;
  const dir = flags['request-log-dir'] ?? log?.dir;
  const requestLog = dir
    ? {
        dir: settingsPath(ws, dir),
        sampleRate: flags['request-log-sample']
          ? Number(flags['request-log-sample'])
          : (log?.sample_rate ?? 0.01),
        rotateSeconds: log?.rotate_seconds ?? 60,
      }
    : undefined;
  return { base: settingsPath(ws, base), model, port, host: flags.host, requestLog };
}

export async function serveCommand(argv: string[], out: NodeJS.WritableStream): Promise<number> {
  const { flags } = parseCommand(serveSpec, argv);
  const ws = openWorkspace(flags);
  await serve(ws, serveTarget(ws, flags), out);
  return 0;
}

/** Starts the prediction server, prints where it listens and a curl line that works, and runs until a signal. */
export async function serve(ws: Workspace, target: ServeTarget, out: NodeJS.WritableStream): Promise<void> {
  const argv = ['--base', target.base, '--model', target.model, '--port', target.port, '--host', target.host];
  if (target.requestLog) {
    argv.push(
      '--request-log-dir',
      target.requestLog.dir,
      '--request-log-sample',
      String(target.requestLog.sampleRate),
      '--request-log-rotate-seconds',
      String(target.requestLog.rotateSeconds),
    );
  }
  const cli = parseCliOptions(argv, {});
  if (cli.kind === 'help') return;
  const server = createServer(cli.server);
  const address = await server.listen(Number(target.port), target.host);
  const url = `http://${address.address}:${address.port}/v1/models/${target.model}`;
  out.write(`\nserving ${target.model} from ${target.base} on ${url}\n`);
  const registry = await readRegistryFile(target.base, target.model).catch(() => undefined);
  const version = registry?.labels.stable ?? registry?.versions.at(-1)?.version;
  if (registry && version !== undefined) {
    const canary = registry.labels.canary;
    const split =
      canary !== undefined && registry.canaryTrafficPercent > 0
        ? `stable version ${version} (${100 - registry.canaryTrafficPercent}% of traffic), canary version ${canary} (${registry.canaryTrafficPercent}%)`
        : `version ${version} (all traffic)`;
    out.write(`serving ${split}\n`);
  }
  if (version !== undefined) {
    const store = openMetadataStore(ws.env.metadata_db);
    const instance = await sampleInstance(store, resolve(target.base, target.model, String(version))).finally(
      () => store.close(),
    );
    if (instance) out.write(`try it:\n  ${curlLine(url, instance)}\n`);
  }
  out.write('Ctrl-C to stop\n');
  await new Promise<void>((done) => {
    const stop = () => void server.close().then(done);
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
