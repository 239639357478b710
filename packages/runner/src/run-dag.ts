import { join } from 'node:path';
import { CtpipeError, toCtpipeError } from '@ctpipe/errors';
import {
  type ComponentSpec,
  evaluateCondition,
  type JsonValue,
  type PipelineSpec,
  type PipelineTaskSpec,
} from '@ctpipe/ir';
import { type ContainerTaskContext, executeContainerTask } from './execute-container-task.js';
import { executeImporterTask } from './execute-importer-task.js';
import { executeResolverTask } from './execute-resolver-task.js';
import { type DagScope, resolveTaskInputs, upstreamOf } from './resolve-task-inputs.js';
import { type ArtifactRef, isSuccessful, type TaskOutcome } from './runtime-artifact.js';

export interface DagContext extends ContainerTaskContext {
  spec: PipelineSpec;
  /** `<pipelineRoot>/<pipeline>/<runId>`: output artifact URIs are planned under it. */
  runRoot: string;
  /** Every task's outcome by its path (`condition-1/train`), sub-DAGs included, in completion order. */
  allOutcomes: Map<string, TaskOutcome>;
}

/**
 * Runs one DAG (the root or a condition's sub-DAG). Each task waits for its upstream tasks, then runs as soon
 * as they are done, so independent branches proceed in parallel (bounded by the limiter around processes).
 * A failed task fails its dependents (FAIL_SLOW, Vertex's default): independent branches still finish.
 */
export async function runDag(component: ComponentSpec, scope: DagScope, prefix: string, ctx: DagContext) {
  const dag = component.dag!;
  const started = new Map<string, Promise<TaskOutcome>>();
  const outcomeOf = (name: string): Promise<TaskOutcome> => {
    let p = started.get(name);
    if (!p) {
      const task = dag.tasks[name];
      if (!task) throw new CtpipeError('BAD_CONFIG', `task '${name}' is not in the DAG`);
      p = runTask(name, task).then((outcome) => {
        scope.outcomes.set(name, outcome);
        ctx.allOutcomes.set(prefix ? `${prefix}/${name}` : name, outcome);
        return outcome;
      });
      started.set(name, p);
    }
    return p;
  };

  const runTask = async (name: string, task: PipelineTaskSpec): Promise<TaskOutcome> => {
    const path = prefix ? `${prefix}/${name}` : name;
    const upstream = await Promise.all(upstreamOf(task).map(outcomeOf));
    const waitsForAll = task.triggerPolicy?.strategy === 'ALL_UPSTREAM_TASKS_COMPLETED';
    if (!waitsForAll && upstream.some((o) => !isSuccessful(o.state) && o.state !== 'NOT_TRIGGERED')) {
      return skipped(ctx, path, 'UPSTREAM_FAILED');
    }
    if (upstream.some((o) => o.state === 'NOT_TRIGGERED' || o.state === 'SKIPPED')) {
      return skipped(ctx, path, 'SKIPPED');
    }
    const startedAt = performance.now();
    const outcome = await runReadyTask(name, task, path);
    return { ...outcome, durationMs: Math.round(performance.now() - startedAt) };
  };

  const runReadyTask = async (name: string, task: PipelineTaskSpec, path: string): Promise<TaskOutcome> => {
    try {
      const child = ctx.spec.components[task.componentRef.name];
      if (!child) throw new CtpipeError('BAD_CONFIG', `component '${task.componentRef.name}' is not defined`);
      const inputs = resolveTaskInputs(name, task, child, scope);
      const condition = task.triggerPolicy?.condition;
      if (condition && !evaluateCondition(condition, inputs.parameters))
        return skipped(ctx, path, 'NOT_TRIGGERED');
      if (task.parameterIterator || task.artifactIterator) {
        throw new CtpipeError(
          'UNSUPPORTED',
          `task '${path}': loops (ParallelFor) are not supported by the local runner yet`,
        );
      }
      if (child.dag) {
        const inner: DagScope = {
          parameters: inputs.parameters,
          artifacts: inputs.artifacts,
          outcomes: new Map(),
        };
        return await runSubDag(child, inner, path, ctx);
      }
      const executor = ctx.spec.deploymentSpec.executors[child.executorLabel ?? ''];
      if (!executor) throw new CtpipeError('BAD_CONFIG', `executor '${child.executorLabel}' is not defined`);
      const location = {
        artifactRoot: `${ctx.runRoot}/${path}`,
        localRoot: join(ctx.runRoot, '.executor', path),
      };
      if ('resolver' in executor) {
        return await executeResolverTask(path, child, executor.resolver, ctx.spec.pipelineInfo.name, ctx);
      }
      if ('importer' in executor) return await executeImporterTask(path, executor.importer, inputs, ctx);
      return await executeContainerTask(
        {
          path,
          componentName: task.componentRef.name.replace(/^comp-/, ''),
          task,
          component: child,
          container: executor.container,
          inputs,
          location,
        },
        ctx,
      );
    } catch (err) {
      const error = toCtpipeError(err).oneLine();
      ctx.reporter.emit({ type: 'task', task: path, state: 'FAILED', error });
      return { state: 'FAILED', outputParameters: {}, outputArtifacts: {}, error };
    }
  };

  const outcomes = await Promise.all(Object.keys(dag.tasks).map(outcomeOf));
  return { outcomes, scope };
}

async function runSubDag(
  component: ComponentSpec,
  scope: DagScope,
  path: string,
  ctx: DagContext,
): Promise<TaskOutcome> {
  const { outcomes } = await runDag(component, scope, path, ctx);
  const failed = outcomes.find((o) => o.state === 'FAILED' || o.state === 'UPSTREAM_FAILED');
  const outputParameters: Record<string, JsonValue> = {};
  const outputArtifacts: Record<string, ArtifactRef[]> = {};
  const outputs = component.dag?.outputs;
  for (const [name, selector] of Object.entries(outputs?.parameters ?? {})) {
    const selectors =
      'valueFromParameter' in selector
        ? [selector.valueFromParameter]
        : selector.valueFromOneof.parameterSelectors;
    for (const s of selectors) {
      const value = scope.outcomes.get(s.producerSubtask)?.outputParameters[s.outputParameterKey];
      if (value !== undefined) {
        outputParameters[name] = value;
        break;
      }
    }
  }
  for (const [name, selector] of Object.entries(outputs?.artifacts ?? {})) {
    for (const s of selector.artifactSelectors) {
      const refs = scope.outcomes.get(s.producerSubtask)?.outputArtifacts[s.outputArtifactKey];
      if (refs) {
        outputArtifacts[name] = refs;
        break;
      }
    }
  }
  return {
    state: failed ? 'FAILED' : 'SUCCEEDED',
    outputParameters,
    outputArtifacts,
    ...(failed?.error ? { error: failed.error } : {}),
  };
}

function skipped(
  ctx: DagContext,
  path: string,
  state: 'SKIPPED' | 'NOT_TRIGGERED' | 'UPSTREAM_FAILED',
): TaskOutcome {
  ctx.reporter.emit({ type: 'task', task: path, state });
  return { state, outputParameters: {}, outputArtifacts: {} };
}
