import { resolve } from 'node:path';
import { openMetadataStore } from '@ctpipe/metadata';
import { readRegistryFile } from '@ctpipe/registry';
import { createServer, parseCliOptions } from '@ctpipe/serving';
import { type CommandSpec, type FlagSpec, parseCommand } from '../options.js';
import { curlLine, sampleInstance } from '../sample-instance.js';
import { COMMON_FLAGS, openWorkspace, type Workspace } from '../workspace.js';

export const serveSpec = {
  name: 'serve',
  summary: "serve the registry's models (TF Serving REST API + Vertex AI routes) until Ctrl-C",
  flags: {
    ...COMMON_FLAGS,
    model: { type: 'string', description: "model name (default: the environment's model_name)" },
    port: { type: 'string', description: 'REST port', default: '8501' },
    host: { type: 'string', description: 'interface to listen on', default: '127.0.0.1' },
    'request-log-dir': { type: 'string', description: 'log a sample of requests as NDJSON here (for skew)' },
  },
} satisfies CommandSpec<Record<string, FlagSpec>>;

export interface ServeTarget {
  base: string;
  model: string;
  port: string;
  host: string;
  requestLogDir?: string | undefined;
}

export function serveTarget(
  ws: Workspace,
  flags: { model?: string | undefined; port: string; host: string },
) {
  const params = ws.env.parameters;
  const base = typeof params.serving_base_path === 'string' ? params.serving_base_path : '.ctpipe/serving';
  const model = flags.model ?? (typeof params.model_name === 'string' ? params.model_name : 'model');
  return { base: resolve(ws.root, base), model, port: flags.port, host: flags.host };
}

export async function serveCommand(argv: string[], out: NodeJS.WritableStream): Promise<number> {
  const { flags } = parseCommand(serveSpec, argv);
  const ws = openWorkspace(flags);
  await serve(ws, { ...serveTarget(ws, flags), requestLogDir: flags['request-log-dir'] }, out);
  return 0;
}

/** Starts the prediction server, prints where it listens and a curl line that works, and runs until a signal. */
export async function serve(ws: Workspace, target: ServeTarget, out: NodeJS.WritableStream): Promise<void> {
  const argv = ['--base', target.base, '--model', target.model, '--port', target.port, '--host', target.host];
  if (target.requestLogDir) argv.push('--request-log-dir', target.requestLogDir);
  const cli = parseCliOptions(argv, {});
  if (cli.kind === 'help') return;
  const server = createServer(cli.server);
  const address = await server.listen(Number(target.port), target.host);
  const url = `http://${address.address}:${address.port}/v1/models/${target.model}`;
  out.write(`\nserving ${target.model} from ${target.base} on ${url}\n`);
  const registry = await readRegistryFile(target.base, target.model).catch(() => undefined);
  const version = registry?.labels.stable ?? registry?.versions.at(-1)?.version;
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
