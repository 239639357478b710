import type { JsonValue, PipelineSpec } from '@ctpipe/ir';
import type { MetadataStore } from '@ctpipe/metadata';
import { createJsonLinesReporter, type RunReporter, runPipeline } from '@ctpipe/runner';
import type { Launcher } from '@ctpipe/triggers';
import {
  buildCreatePipelineJobRequest,
  consoleUrl,
  type PipelineJobEvent,
  submitPipelineJob,
  waitForPipelineJob,
} from '@ctpipe/vertex';
import type { VertexCommandDeps } from './commands/submit.js';
import { jobOptions } from './commands/submit.js';
import type { Workspace } from './workspace.js';

type Output = NodeJS.WritableStream & { isTTY?: boolean };

export interface LocalLauncherOptions {
  ws: Workspace;
  spec: PipelineSpec;
  store: MetadataStore;
  hostCommands: boolean;
  json: boolean;
  out: Output;
  signal: AbortSignal;
}

/** Runs a request in this process with the local runner: the environment's pipeline, the request's parameters. */
export function localLauncher(o: LocalLauncherOptions): Launcher {
  return async (request, { runId }) => {
    const result = await runPipeline({
      spec: o.spec,
      store: o.store,
      pipelineRoot: o.ws.env.pipeline_root,
      repoRoot: o.ws.root,
      reporter: o.json ? createJsonLinesReporter(o.out) : taskLines(o.out),
      parameters: request.parameters as Record<string, JsonValue>,
      hostCommands: o.hostCommands,
      runId,
      trigger: request.trigger,
      triggerReason: request.reason,
      ...(o.ws.env.max_parallel ? { maxParallel: o.ws.env.max_parallel } : {}),
      signal: o.signal,
    });
    const failed = [...result.tasks.values()].find((t) => t.state === 'FAILED');
    return { runId: result.runId, state: result.state, ...(failed?.error ? { error: failed.error } : {}) };
  };
}

export interface VertexLauncherOptions {
  ws: Workspace;
  /** Submit even though component images name no registry host (see requirePublishedImages). */
  allowLocalImages?: boolean;
  deps: VertexCommandDeps;
  json: boolean;
  out: Output;
  signal: AbortSignal;
}

/**
 * Submits a request as a Vertex AI PipelineJob and follows it to the end, so "one run at a time" holds for
 * Vertex too. The job id is the run id; the trigger kind goes into a label (Vertex labels cannot hold the reason,
 * which stays with the request in the local store and in the printed events).
 */
export function vertexLauncher(o: VertexLauncherOptions): Launcher {
  return async (request, { runId }) => {
    const { vertex, options } = jobOptions(o.ws, {
      env: o.ws.env.name,
      cache: false,
      'no-cache': false,
      'allow-local-images': o.allowLocalImages ?? false,
    });
    const job = buildCreatePipelineJobRequest({
      ...options,
      parameterValues: { ...options.parameterValues, ...(request.parameters as Record<string, JsonValue>) },
      labels: {
        ...options.labels,
        'ctpipe-trigger': request.trigger.toLowerCase().replace(/[^a-z0-9_-]/g, '-'),
      },
      project: vertex.project,
      region: vertex.region,
      jobId: runId,
      now: o.deps.now(),
    });
    const clients = await o.deps.clients({ project: vertex.project, region: vertex.region });
    try {
      const name = await submitPipelineJob(clients, job);
      o.out.write(
        o.json
          ? `${JSON.stringify({ event: 'submitted', job: name, url: consoleUrl(name) })}\n`
          : `          submitted ${name}\n          ${consoleUrl(name)}\n`,
      );
      try {
        await waitForPipelineJob(clients.pipelines, name, {
          onUpdate: (event: PipelineJobEvent) => {
            if (o.json) o.out.write(`${JSON.stringify({ event: event.type, job: name })}\n`);
          },
          signal: o.signal,
          ...(o.deps.sleep ? { sleep: o.deps.sleep } : {}),
        });
        return { runId, state: 'SUCCEEDED' };
      } catch (err) {
        return { runId, state: 'FAILED', error: err instanceof Error ? err.message : String(err) };
      }
    } finally {
      await clients.close();
    }
  };
}

/** On a terminal, between trigger lines: one line per task that ends (the live task table would redraw over them). */
function taskLines(out: Output): RunReporter {
  const final = new Set(['SUCCEEDED', 'CACHED', 'FAILED', 'SKIPPED', 'NOT_TRIGGERED', 'UPSTREAM_FAILED']);
  return {
    emit(event) {
      if (event.type === 'task' && final.has(event.state)) {
        out.write(`          ${event.task.padEnd(28)} ${event.state.toLowerCase().replace('_', ' ')}\n`);
      }
    },
    close() {},
  };
}
