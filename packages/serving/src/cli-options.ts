import path from 'node:path';
import { parseArgs } from 'node:util';
import { CtpipeError } from '@ctpipe/errors';
import { DEFAULT_PORT } from './create-server.js';
import {
  DEFAULT_BATCHING,
  DEFAULT_MAX_BODY_BYTES,
  DEFAULT_REQUEST_LOG,
  DEFAULT_ROLLBACK,
  type ServerOptions,
  type VersionPolicy,
} from './server-options.js';

/** The entry's flags; `--help` and the parser are both derived from this table. */
export const FLAGS = {
  base: { type: 'string', help: 'serving base path holding <model>/<version>/ (path, file:// or gs://)' },
  model: { type: 'string', help: 'model name, as in /v1/models/{name}' },
  'model-base-path': {
    type: 'string',
    help: "the model's own folder of versions, instead of --base (TF Serving's)",
  },
  port: { type: 'string', help: `REST port (default ${DEFAULT_PORT}, TF Serving's; AIP_HTTP_PORT wins)` },
  host: { type: 'string', help: 'interface (default 127.0.0.1; 0.0.0.0 under Vertex AI)' },
  'poll-seconds': { type: 'string', help: 'file_system_poll_wait_seconds (default 1; 0 = load once)' },
  'version-policy': { type: 'string', help: 'latest[:N] | all | specific:V1,V2 (default latest:1)' },
  batching: { type: 'string', help: 'on | off (default on)' },
  'max-batch-size': {
    type: 'string',
    help: `rows per model call (default ${DEFAULT_BATCHING.maxBatchSize})`,
  },
  'batch-timeout-micros': {
    type: 'string',
    help: `wait for more requests (default ${DEFAULT_BATCHING.batchTimeoutMicros})`,
  },
  'max-enqueued-batches': {
    type: 'string',
    help: `then 503 (default ${DEFAULT_BATCHING.maxEnqueuedBatches})`,
  },
  'max-body-bytes': {
    type: 'string',
    help: `then 413 (default ${DEFAULT_MAX_BODY_BYTES}, Vertex AI's 1.5 MB)`,
  },
  'request-log-dir': { type: 'string', help: 'where sampled requests go as NDJSON (off unless given)' },
  'request-log-sample': { type: 'string', help: 'fraction of instances logged (default 0.01 with a dir)' },
  'request-log-rotate-seconds': {
    type: 'string',
    help: `close a request file for readers after this long (default ${DEFAULT_REQUEST_LOG.maxFileAgeMs / 1000})`,
  },
  'rollback-error-rate': {
    type: 'string',
    help: `canary error rate above stable's that rolls it back (default ${DEFAULT_ROLLBACK.maxErrorRate}; off = never)`,
  },
  'rollback-min-requests': {
    type: 'string',
    help: `canary requests before judging (default ${DEFAULT_ROLLBACK.minRequests})`,
  },
  help: { type: 'boolean', help: 'this text' },
} as const;

export type CliOptions =
  | { kind: 'help'; text: string }
  | { kind: 'serve'; server: ServerOptions; port: number; host: string };

/** argv (without node and the script) and the environment → server options; bad values are BAD_CONFIG. */
export function parseCliOptions(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
): CliOptions {
  let values: Partial<Record<keyof typeof FLAGS, string | boolean>>;
  try {
    values = parseArgs({ args: [...argv], options: FLAGS, strict: true, allowPositionals: false }).values;
  } catch (err) {
    throw new CtpipeError('BAD_CONFIG', (err as Error).message, { cause: err });
  }
  if (values.help) return { kind: 'help', text: helpText() };
  const flag = (name: keyof typeof FLAGS) => values[name] as string | undefined;
  const modelBasePath =
    flag('model-base-path') ?? baseAndModel(flag('base'), flag('model')) ?? env.AIP_STORAGE_URI;
  if (!modelBasePath) {
    throw new CtpipeError(
      'BAD_CONFIG',
      'no model to serve: give --base and --model, --model-base-path, or AIP_STORAGE_URI',
      {
        details: { expected: '--base <dir> --model <name>' },
      },
    );
  }
  // TF Serving's image (and push, on a Vertex model) names the served model with MODEL_NAME.
  const modelName =
    flag('model') ?? env.MODEL_NAME ?? (path.basename(modelBasePath.replace(/\/+$/, '')) || 'model');
  const vertexPort = env.AIP_HTTP_PORT;
  const server: ServerOptions = {
    modelBasePath,
    modelName,
    versionPolicy: versionPolicy(flag('version-policy') ?? 'latest'),
    pollIntervalMs: number('poll-seconds', flag('poll-seconds') ?? '1', 0) * 1000,
    batching:
      flag('batching') === 'off'
        ? false
        : {
            maxBatchSize: integer('max-batch-size', flag('max-batch-size'), DEFAULT_BATCHING.maxBatchSize, 1),
            batchTimeoutMicros: integer(
              'batch-timeout-micros',
              flag('batch-timeout-micros'),
              DEFAULT_BATCHING.batchTimeoutMicros,
              0,
            ),
            maxEnqueuedBatches: integer(
              'max-enqueued-batches',
              flag('max-enqueued-batches'),
              DEFAULT_BATCHING.maxEnqueuedBatches,
              1,
            ),
          },
    rollback:
      flag('rollback-error-rate') === 'off'
        ? false
        : {
            maxErrorRate: number(
              'rollback-error-rate',
              flag('rollback-error-rate') ?? String(DEFAULT_ROLLBACK.maxErrorRate),
              0,
            ),
            minRequests: integer(
              'rollback-min-requests',
              flag('rollback-min-requests'),
              DEFAULT_ROLLBACK.minRequests,
              1,
            ),
          },
    maxBodyBytes: integer('max-body-bytes', flag('max-body-bytes'), DEFAULT_MAX_BODY_BYTES, 1),
  };
  const logDir = flag('request-log-dir');
  if (logDir) {
    server.requestLog = {
      dir: path.resolve(logDir),
      sampleRate: number('request-log-sample', flag('request-log-sample') ?? '0.01', 0),
      ...DEFAULT_REQUEST_LOG,
    };
    const rotate = flag('request-log-rotate-seconds');
    if (rotate !== undefined) {
      server.requestLog.maxFileAgeMs = number('request-log-rotate-seconds', rotate, 0.001) * 1000;
    }
  }
  if (env.AIP_HEALTH_ROUTE || env.AIP_PREDICT_ROUTE) {
    server.vertex = {
      healthRoute: env.AIP_HEALTH_ROUTE ?? '/health',
      predictRoute: env.AIP_PREDICT_ROUTE ?? '/predict',
    };
  }
  return {
    kind: 'serve',
    server,
    port: integer('port', vertexPort ?? flag('port'), DEFAULT_PORT, 0),
    host: flag('host') ?? (vertexPort ? '0.0.0.0' : '127.0.0.1'),
  };
}

export function helpText(): string {
  const rows = Object.entries(FLAGS).map(([name, f]) => `  --${name.padEnd(22)} ${f.help}`);
  return [
    'ctpipe-serving: TF Serving REST API + Vertex AI custom container for a ctpipe model',
    '',
    ...rows,
    '',
    'Vertex AI: AIP_HTTP_PORT, AIP_HEALTH_ROUTE, AIP_PREDICT_ROUTE, AIP_STORAGE_URI (and MODEL_NAME) are read from the environment.',
  ].join('\n');
}

function baseAndModel(base: string | undefined, model: string | undefined): string | undefined {
  if (base === undefined) return undefined;
  if (model === undefined) {
    throw new CtpipeError('BAD_CONFIG', '--base needs --model: the model is served from <base>/<model>/', {
      details: { expected: '--model <name>' },
    });
  }
  return base.includes('://') ? `${base.replace(/\/+$/, '')}/${model}` : path.join(base, model);
}

export function versionPolicy(text: string): VersionPolicy {
  const [kind, arg] = text.split(':', 2);
  if (kind === 'all' && arg === undefined) return { kind: 'all' };
  if (kind === 'latest') return { kind: 'latest', numVersions: integer('version-policy', arg, 1, 1) };
  if (kind === 'specific' && arg) {
    return { kind: 'specific', versions: arg.split(',').map((v) => integer('version-policy', v, 0, 0)) };
  }
  throw new CtpipeError(
    'BAD_CONFIG',
    `--version-policy ${text}: expected latest[:N], all or specific:V1,V2`,
    {
      details: { expected: 'latest[:N] | all | specific:V1,V2', found: text },
    },
  );
}

function integer(name: string, text: string | undefined, fallback: number, min: number): number {
  if (text === undefined) return fallback;
  const value = Number(text);
  if (!Number.isSafeInteger(value) || value < min) {
    throw new CtpipeError('BAD_CONFIG', `--${name} ${text}: expected an integer ≥ ${min}`, {
      details: { expected: `an integer ≥ ${min}`, found: text },
    });
  }
  return value;
}

function number(name: string, text: string, min: number): number {
  const value = Number(text);
  if (!Number.isFinite(value) || value < min) {
    throw new CtpipeError('BAD_CONFIG', `--${name} ${text}: expected a number ≥ ${min}`, {
      details: { expected: `a number ≥ ${min}`, found: text },
    });
  }
  return value;
}
