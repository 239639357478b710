import { createHash, randomBytes } from 'node:crypto';
import { availableParallelism } from 'node:os';
import { isAbsolute } from 'node:path';
import { coerceParameter } from '@ctpipe/contract';
import { CtpipeError } from '@ctpipe/errors';
import { type JsonValue, type PipelineSpec, validatePipelineSpec } from '@ctpipe/ir';
import { isProcessAlive, type MetadataStore } from '@ctpipe/metadata';
import { createLimiter } from './limiter.js';
import { createCommandResolver } from './local-images.js';
import { runDag } from './run-dag.js';
import type { RunReporter } from './run-events.js';
import type { TaskOutcome } from './runtime-artifact.js';

export interface RunPipelineOptions {
  spec: PipelineSpec;
  store: MetadataStore;
  /** Absolute local directory (or file:// URI) under which every run writes its artifacts. */
  pipelineRoot: string;
  /** The monorepo whose components/ map images to local processes. */
  repoRoot: string;
  reporter: RunReporter;
  parameters?: Record<string, JsonValue>;
  /** Run images that are not components of this repo as host commands (KFP would use Docker). */
  hostCommands?: boolean;
  /** Overrides every task's cachingOptions, as the KFP SDK's enable_caching does. */
  enableCaching?: boolean;
  runId?: string;
  maxParallel?: number;
  /** What started the run ("manual" by default, "schedule", "new-data", "drift", …), recorded with it. */
  trigger?: string;
  /** Why the trigger fired, in words; recorded with the run (RunSummary.triggerReason). */
  triggerReason?: string;
  env?: NodeJS.ProcessEnv;
  signal?: AbortSignal;
}

export interface RunResult {
  runId: string;
  state: 'SUCCEEDED' | 'FAILED' | 'CANCELED';
  durationMs: number;
  runRoot: string;
  /** Every task by path (`condition-1/transform`), sub-DAG tasks included. */
  tasks: Map<string, TaskOutcome>;
}

/**
 * The embedded default launcher: executes a compiled pipeline.json (never DSL objects), recording every run,
 * execution and artifact in the metadata store.
 */
export async function runPipeline(options: RunPipelineOptions): Promise<RunResult> {
  const checked = validatePipelineSpec(options.spec);
  if (!checked.ok) {
    const first = checked.problems.slice(0, 5).map((p) => `${p.path}: ${p.message}`);
    throw new CtpipeError(
      'BAD_CONFIG',
      `pipeline.json is not a valid PipelineSpec:\n  ${first.join('\n  ')}`,
    );
  }
  const spec = checked.spec;
  const root = options.pipelineRoot.replace(/^file:\/\//, '');
  if (!isAbsolute(root)) {
    throw new CtpipeError('BAD_CONFIG', 'the local runner needs an absolute local pipeline root', {
      details: { path: root },
    });
  }
  // A runner that was killed left RUNNING executions behind: they are failed now, never reused.
  await options.store.abandonStaleExecutions(isProcessAlive);

  const parameters = resolveRootParameters(spec, options.parameters ?? {});
  const runId = options.runId ?? newRunId(spec.pipelineInfo.name);
  const runRoot = `${root}/${spec.pipelineInfo.name}/${runId}`;
  const started = Date.now();
  await options.store.startRun({
    runId,
    pipelineName: spec.pipelineInfo.name,
    pipelineSpecDigest: createHash('sha256').update(JSON.stringify(spec)).digest('hex'),
    parameters,
    trigger: options.trigger ?? 'manual',
    ...(options.triggerReason === undefined ? {} : { triggerReason: options.triggerReason }),
    pid: process.pid,
  });
  options.reporter.emit({
    type: 'run-started',
    runId,
    pipeline: spec.pipelineInfo.name,
    pipelineRoot: runRoot,
    tasks: Object.keys(spec.root.dag?.tasks ?? {}),
  });
  const scope = { parameters, artifacts: {}, outcomes: new Map<string, TaskOutcome>() };
  const allOutcomes = new Map<string, TaskOutcome>();
  const { outcomes } = await runDag(spec.root, scope, '', {
    spec,
    runRoot,
    allOutcomes,
    runId,
    store: options.store,
    resolver: createCommandResolver({
      repoRoot: options.repoRoot,
      hostCommands: options.hostCommands ?? false,
    }),
    reporter: options.reporter,
    limit: createLimiter(options.maxParallel ?? availableParallelism()),
    env: options.env ?? process.env,
    ...(options.enableCaching !== undefined ? { cachingOverride: options.enableCaching } : {}),
    ...(options.signal ? { signal: options.signal } : {}),
    sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  });
  const failed = outcomes.find((o) => o.state === 'FAILED' || o.state === 'UPSTREAM_FAILED');
  const state = options.signal?.aborted ? 'CANCELED' : failed ? 'FAILED' : 'SUCCEEDED';
  await options.store.finishRun(runId, { state, ...(failed?.error ? { error: failed.error } : {}) });
  const durationMs = Date.now() - started;
  options.reporter.emit({ type: 'run-finished', runId, state, durationMs });
  return { runId, state, durationMs, runRoot, tasks: allOutcomes };
}

function resolveRootParameters(
  spec: PipelineSpec,
  given: Record<string, JsonValue>,
): Record<string, JsonValue> {
  const declared = spec.root.inputDefinitions?.parameters ?? {};
  for (const name of Object.keys(given)) {
    if (!(name in declared)) {
      throw new CtpipeError('BAD_INPUT', `unknown pipeline parameter '${name}'`, {
        details: { expected: Object.keys(declared).join(', ') },
      });
    }
  }
  const values: Record<string, JsonValue> = {};
  for (const [name, def] of Object.entries(declared)) {
    const value = given[name] ?? def.defaultValue;
    if (value === undefined) {
      if (def.isOptional) continue;
      throw new CtpipeError('BAD_INPUT', `pipeline parameter '${name}' is required`, {
        details: { expected: def.parameterType },
      });
    }
    const kind = def.parameterType;
    values[name] =
      kind === 'STRING' ||
      kind === 'NUMBER_INTEGER' ||
      kind === 'NUMBER_DOUBLE' ||
      kind === 'BOOLEAN' ||
      kind === 'LIST' ||
      kind === 'STRUCT'
        ? coerceParameter(value, kind, `parameters.${name}`)
        : value;
  }
  return values;
}

function newRunId(pipeline: string): string {
  const stamp = new Date().toISOString().replace(/[-:]/g, '').replace(/\..+/, '').replace('T', '-');
  return `${pipeline}-${stamp}-${randomBytes(3).toString('hex')}`;
}
