import { PRE_CACHE_CHECK_FLAG } from '@ctpipe/contract';
import type { PipelineTask } from '@ctpipe/dsl';
import type { ExecutorSpec, PipelineContainerSpec } from '@ctpipe/ir';
import { toV2Placeholder } from './placeholders.js';
import { buildResourceSpec } from './resources.js';

/** `deploymentSpec.executors[exec-<task>]`: the component's container with the task's env and resources. */
export function buildContainerExecutor(task: PipelineTask): ExecutorSpec {
  const { implementation, definition } = task.component;
  const container: PipelineContainerSpec = { image: implementation.image };
  if (implementation.command.length > 0) container.command = [...implementation.command];
  const args = implementation.args.map((arg) => toV2Placeholder(arg, definition));
  if (args.length > 0) container.args = args;
  // A task's env overrides the component's in place, new names are appended: the SDK's dict update.
  const env = new Map(Object.entries(implementation.env ?? {}));
  for (const [name, value] of task.settings.env) env.set(name, value);
  if (env.size > 0) container.env = [...env].map(([name, value]) => ({ name, value }));
  const resources = buildResourceSpec(task.settings.resources);
  if (resources) container.resources = resources;
  if (definition.resolvesBeforeCache?.length) {
    // The same entry, asked to resolve its inputs only (TFX's ExampleGen driver on Vertex works this way).
    container.lifecycle = {
      preCacheCheck: { command: [...implementation.command], args: [PRE_CACHE_CHECK_FLAG, ...args] },
    };
  }
  return { container };
}
