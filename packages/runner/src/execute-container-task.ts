import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { toCtpipeError } from '@ctpipe/errors';
import type { ComponentSpec, ExecutorInput, PipelineContainerSpec, PipelineTaskSpec } from '@ctpipe/ir';
import type { MetadataStore } from '@ctpipe/metadata';
import { computeCacheKey } from './cache-key.js';
import { buildExecutorInput, type TaskLocation } from './executor-input-builder.js';
import type { CommandResolver } from './local-images.js';
import { resolveArgs } from './placeholders.js';
import { resolveBeforeCache } from './pre-cache-check.js';
import { readExecutorOutput } from './read-executor-output.js';
import type { ResolvedInputs } from './resolve-task-inputs.js';
import { backoffMs } from './retry-policy.js';
import type { RunReporter } from './run-events.js';
import type { ArtifactRef, TaskOutcome } from './runtime-artifact.js';
import { runProcess } from './subprocess.js';

export interface ContainerTaskContext {
  runId: string;
  store: MetadataStore;
  resolver: CommandResolver;
  reporter: RunReporter;
  limit: <T>(work: () => Promise<T>) => Promise<T>;
  env: NodeJS.ProcessEnv;
  cachingOverride?: boolean;
  signal?: AbortSignal;
  sleep: (ms: number) => Promise<void>;
}

export interface ContainerTask {
  path: string;
  componentName: string;
  task: PipelineTaskSpec;
  component: ComponentSpec;
  container: PipelineContainerSpec;
  inputs: ResolvedInputs;
  location: TaskLocation;
}

/**
 * One container task, as the KFP launcher runs it: cache lookup, then the command as a local process
 * (retried per retryPolicy), then its outputs registered in one metadata transaction. Only a task whose
 * process exited 0 and whose outputs were read back ever has artifacts registered.
 */
export async function executeContainerTask(
  task: ContainerTask,
  ctx: ContainerTaskContext,
): Promise<TaskOutcome> {
  const { store, reporter } = ctx;
  let t: ContainerTask;
  try {
    t = { ...task, inputs: await resolveBeforeCache(task, ctx) };
  } catch (err) {
    // The pre-cache check is part of the task: its failure is the task's, recorded like any other.
    const error = toCtpipeError(err).oneLine();
    const id = await store.startExecution({
      runId: ctx.runId,
      taskName: task.path,
      componentName: task.componentName,
      inputParameters: task.inputs.parameters,
      inputArtifacts: artifactRefs(task),
      pid: process.pid,
    });
    await store.failExecution(id, { message: error });
    reporter.emit({ type: 'task', task: task.path, state: 'FAILED', error });
    return { state: 'FAILED', outputParameters: {}, outputArtifacts: {}, error };
  }
  const local = ctx.resolver.resolve(t.container);
  const caching = ctx.cachingOverride ?? t.task.cachingOptions?.enableCache === true;
  const cacheKey = computeCacheKey(t.component, t.container, local.codeDigest, t.inputs);
  const inputArtifacts = artifactRefs(t);

  if (caching) {
    const hit = await store.findCachedExecution(cacheKey);
    if (hit) {
      await store.recordCachedExecution({
        runId: ctx.runId,
        taskName: t.path,
        componentName: t.componentName,
        cacheKey,
        reusedFrom: hit.execution.id,
        inputParameters: t.inputs.parameters,
        inputArtifacts,
      });
      const outputArtifacts: Record<string, ArtifactRef[]> = {};
      for (const { key, artifact } of hit.outputArtifacts) {
        const declared = t.component.outputDefinitions?.artifacts?.[key];
        const list = outputArtifacts[key] ?? [];
        outputArtifacts[key] = list;
        list.push({
          id: artifact.id,
          name: key,
          type: declared?.artifactType ?? { schemaTitle: artifact.typeTitle },
          uri: artifact.uri,
          metadata: artifact.metadata,
        });
      }
      reporter.emit({ type: 'task', task: t.path, state: 'CACHED', artifacts: uriMap(outputArtifacts) });
      return { state: 'CACHED', outputParameters: hit.outputParameters, outputArtifacts };
    }
  }

  return ctx.limit(async () => {
    const started = Date.now();
    const executionId = await store.startExecution({
      runId: ctx.runId,
      taskName: t.path,
      componentName: t.componentName,
      cacheKey,
      inputParameters: t.inputs.parameters,
      inputArtifacts,
      pid: process.pid,
    });
    const maxAttempts = 1 + (t.task.retryPolicy?.maxRetryCount ?? 0);
    let lastError = '';
    for (let attempt = 1; attempt <= maxAttempts; attempt++) {
      if (ctx.signal?.aborted) break;
      if (attempt > 1) {
        reporter.emit({ type: 'task', task: t.path, state: 'RETRYING', attempt, error: lastError });
        await ctx.sleep(backoffMs(t.task.retryPolicy ?? {}, attempt - 1));
      }
      reporter.emit({ type: 'task', task: t.path, state: 'RUNNING', attempt });
      const input = buildExecutorInput(t.component, t.inputs, t.location);
      // A retry starts clean: nothing a failed attempt left may be read as this attempt's output.
      await rm(t.location.localRoot, { recursive: true, force: true });
      try {
        const outcome = await attemptOnce(t, ctx, input, local.argv, local.cwd);
        if (!outcome.ok && local.permanentExitCodes.includes(outcome.exitCode ?? -1)) {
          lastError = outcome.error;
          break;
        }
        if (outcome.ok) {
          const outputs = await readExecutorOutput(t.component, input);
          const registered = await store.completeExecution(executionId, {
            outputParameters: outputs.parameters,
            outputArtifacts: Object.entries(outputs.artifacts).flatMap(([key, refs]) =>
              refs.map((r) => ({
                key,
                uri: r.uri,
                typeTitle: r.type.schemaTitle ?? 'system.Artifact',
                metadata: r.metadata,
              })),
            ),
          });
          const withIds = attachIds(outputs.artifacts, registered.outputs);
          reporter.emit({
            type: 'task',
            task: t.path,
            state: 'SUCCEEDED',
            durationMs: Date.now() - started,
            artifacts: uriMap(withIds),
          });
          return { state: 'SUCCEEDED', outputParameters: outputs.parameters, outputArtifacts: withIds };
        }
        lastError = outcome.error;
      } catch (err) {
        lastError = toCtpipeError(err).oneLine();
      }
    }
    await store.failExecution(executionId, { message: lastError });
    reporter.emit({
      type: 'task',
      task: t.path,
      state: 'FAILED',
      durationMs: Date.now() - started,
      error: lastError,
    });
    return { state: 'FAILED', outputParameters: {}, outputArtifacts: {}, error: lastError };
  });
}

async function attemptOnce(
  t: ContainerTask,
  ctx: ContainerTaskContext,
  input: ExecutorInput,
  command: string[],
  cwd: string,
): Promise<{ ok: true } | { ok: false; error: string; exitCode: number | null }> {
  const argv = resolveArgs([...command, ...(t.container.args ?? [])], input);
  const env = { ...ctx.env };
  for (const { name, value } of t.container.env ?? []) env[name] = value;
  const result = await runProcess({
    argv,
    cwd,
    env,
    logFile: join(t.location.localRoot, '..', `${lastSegment(t.location.localRoot)}.log`),
    onProgress: (p) => ctx.reporter.emit({ type: 'progress', task: t.path, ...p }),
    signal: ctx.signal,
  });
  if (result.exitCode === 0) return { ok: true };
  const reason = result.stderrTail.at(-1) ?? '';
  const how = result.signal ? `killed by ${result.signal}` : `exit code ${result.exitCode}`;
  return { ok: false, error: reason ? `${how}: ${reason}` : how, exitCode: result.exitCode };
}

function artifactRefs(t: ContainerTask) {
  return Object.entries(t.inputs.artifacts).flatMap(([key, refs]) =>
    refs.flatMap((r, index) => (r.id !== undefined ? [{ key, index, artifactId: r.id }] : [])),
  );
}

function lastSegment(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function attachIds(
  artifacts: Record<string, ArtifactRef[]>,
  registered: { key: string; index: number; artifactId: number }[],
): Record<string, ArtifactRef[]> {
  const out: Record<string, ArtifactRef[]> = {};
  for (const [key, refs] of Object.entries(artifacts)) {
    out[key] = refs.map((r, index) => ({
      ...r,
      id: registered.find((x) => x.key === key && x.index === index)?.artifactId,
    }));
  }
  return out;
}

function uriMap(artifacts: Record<string, ArtifactRef[]>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(artifacts).map(([k, refs]) => [k, refs.map((r) => r.uri).join(',')]),
  );
}
