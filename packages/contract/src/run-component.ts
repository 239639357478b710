import { mkdir, rm } from 'node:fs/promises';
import { CtpipeError, exitCodeFor, toCtpipeError } from '@ctpipe/errors';
import type { ExecutorOutput, JsonObject, JsonValue } from '@ctpipe/ir';
import { createStagingDir, publishDir, schemeOf, storageFor, uriToLocalPath } from '@ctpipe/storage';
import type {
  ComponentCore,
  CoreContext,
  CoreInputs,
  InputArtifact,
  Logger,
  OutputArtifact,
  PreCacheCheck,
} from './core-types.js';
import type { ComponentDefinition } from './definition.js';
import { coerceParameter, parseExecutorInput, type ResolvedExecutorInput } from './executor-input.js';
import { createLogger } from './logger.js';
import { seededRandom } from './seeded-random.js';

export interface RunComponentOptions<D extends ComponentDefinition = ComponentDefinition> {
  argv?: string[];
  logger?: Logger;
  now?: () => Date;
  /** Run with `--pre-cache-check` (the container's lifecycle.preCacheCheck) when the spec declares resolvesBeforeCache. */
  preCacheCheck?: PreCacheCheck<D>;
}

/** The flag the compiler puts before the args of `lifecycle.preCacheCheck`. */
export const PRE_CACHE_CHECK_FLAG = '--pre-cache-check';

/**
 * The KFP v2 container contract in one place (KFP's executor_main): ExecutorInput in, typed inputs to the
 * core, outputs published atomically, ExecutorOutput written last. Returns the process exit code.
 */
export async function executeComponent<D extends ComponentDefinition>(
  definition: D,
  core: ComponentCore<D>,
  options: RunComponentOptions<D> = {},
): Promise<number> {
  const log = options.logger ?? createLogger({ name: definition.name });
  const staged: string[] = [];
  try {
    const argv = options.argv ?? process.argv.slice(2);
    const text = readExecutorInputArg(argv);
    const resolved = parseExecutorInput(text, definition);
    if (argv.includes(PRE_CACHE_CHECK_FLAG)) {
      await runPreCacheCheck(definition, options.preCacheCheck, resolved, {
        log,
        now: options.now ?? (() => new Date()),
        random: seededRandom(text),
      });
      return 0;
    }
    const inputs = await buildCoreInputs<D>(resolved, staged);
    const ctx: CoreContext = { log, now: options.now ?? (() => new Date()), random: seededRandom(text) };
    const result = await core(inputs, ctx);
    const parameterValues = checkOutputParameters(definition, result.parameters as Record<string, JsonValue>);
    const output: ExecutorOutput = { parameterValues, artifacts: {} };
    for (const [name, artifact] of Object.entries(resolved.outputArtifacts)) {
      const out = (inputs.outputs as Record<string, OutputArtifact>)[name]!;
      if (out.path !== uriToLocalPath(artifact.uri)) await publishDir(out.path, uriToLocalPath(artifact.uri));
      const metadata = {
        ...(artifact.metadata ?? {}),
        ...((result.metadata as Record<string, JsonObject>)[name] ?? {}),
      };
      output.artifacts![name] = { artifacts: [{ name: artifact.name ?? name, uri: artifact.uri, metadata }] };
    }
    // Written last: a launcher treats the task as done only once this file exists.
    await storageFor(resolved.outputFile).writeText(
      resolved.outputFile,
      `${JSON.stringify(output, null, 2)}\n`,
    );
    return 0;
  } catch (err) {
    const error = toCtpipeError(err);
    await Promise.all(staged.map((dir) => rm(dir, { recursive: true, force: true })));
    process.stderr.write(`${definition.name}: ${error.oneLine()}\n`);
    if (error.code === 'INTERNAL' && error.cause instanceof Error && error.cause.stack) {
      process.stderr.write(`${error.cause.stack}\n`);
    }
    return exitCodeFor(error.code);
  }
}

/** The entry `main.ts` calls: runs the component and exits with its code. */
export async function runComponent<D extends ComponentDefinition>(
  definition: D,
  core: ComponentCore<D>,
  options: RunComponentOptions<D> = {},
): Promise<never> {
  const code = await executeComponent(definition, core, options);
  process.exit(code);
}

/**
 * The pre-cache check writes only parameterValues: the launcher merges them into the task's inputs before it
 * computes the cache key and before it runs the container for real.
 */
async function runPreCacheCheck<D extends ComponentDefinition>(
  definition: D,
  check: PreCacheCheck<D> | undefined,
  resolved: ResolvedExecutorInput,
  ctx: CoreContext,
) {
  const allowed = new Set(definition.resolvesBeforeCache ?? []);
  if (!check || allowed.size === 0) {
    throw new CtpipeError('CONTRACT', `component '${definition.name}' has no pre-cache check`);
  }
  const values = (await check(resolved.parameters as CoreInputs<D>['parameters'], ctx)) as Record<
    string,
    JsonValue
  >;
  const parameterValues: Record<string, JsonValue> = {};
  for (const [name, value] of Object.entries(values)) {
    const def = definition.inputs.parameters?.[name];
    if (!allowed.has(name) || !def || value === undefined) {
      throw new CtpipeError(
        'INTERNAL',
        `pre-cache check returned '${name}', which is not in resolvesBeforeCache`,
      );
    }
    parameterValues[name] = coerceParameter(value, def.type, `preCacheCheck.${name}`);
  }
  const output: ExecutorOutput = { parameterValues };
  await storageFor(resolved.outputFile).writeText(
    resolved.outputFile,
    `${JSON.stringify(output, null, 2)}\n`,
  );
}

function readExecutorInputArg(argv: string[]): string {
  const i = argv.findIndex((a) => a === '--executor-input' || a === '--executor_input');
  const value = i >= 0 ? argv[i + 1] : undefined;
  if (value === undefined) {
    throw new CtpipeError(
      'CONTRACT',
      'usage: main.js --executor-input <ExecutorInput JSON> (the {{$}} placeholder)',
    );
  }
  return value;
}

async function buildCoreInputs<D extends ComponentDefinition>(
  resolved: ResolvedExecutorInput,
  staged: string[],
): Promise<CoreInputs<D>> {
  const artifacts: Record<string, InputArtifact | undefined> = {};
  for (const [name, a] of Object.entries(resolved.inputArtifacts)) {
    artifacts[name] = a && {
      ...(a.name ? { name: a.name } : {}),
      type: a.type,
      uri: a.uri,
      path: a.customPath ?? uriToLocalPath(a.uri),
      metadata: a.metadata ?? {},
    };
  }
  const outputs: Record<string, OutputArtifact> = {};
  for (const [name, a] of Object.entries(resolved.outputArtifacts)) {
    const finalPath = uriToLocalPath(a.uri);
    if (schemeOf(a.uri) !== undefined && schemeOf(a.uri) !== 'file') {
      // Cloud Storage FUSE (/gcs/ on Vertex) has no atomic directory rename. There the launcher's own rule
      // keeps partial outputs unseen: a task's outputs count only once it succeeded and wrote ExecutorOutput.
      await mkdir(finalPath, { recursive: true });
      outputs[name] = { uri: a.uri, type: a.type, path: finalPath };
      continue;
    }
    const path = await createStagingDir(finalPath);
    staged.push(path);
    outputs[name] = { uri: a.uri, type: a.type, path };
  }
  return { parameters: resolved.parameters, artifacts, outputs } as unknown as CoreInputs<D>;
}

function checkOutputParameters(definition: ComponentDefinition, values: Record<string, JsonValue>) {
  const out: Record<string, JsonValue> = {};
  for (const [name, def] of Object.entries(definition.outputs.parameters ?? {})) {
    const value = values[name];
    if (value === undefined) {
      throw new CtpipeError('INTERNAL', `component core returned no value for output parameter '${name}'`);
    }
    out[name] = coerceParameter(value, def.type, `outputs.parameters.${name}`);
  }
  return out;
}
