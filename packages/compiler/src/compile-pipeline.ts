import { type Pipeline, type TaskGroup, uniqueName } from '@ctpipe/dsl';
import type { ComponentSpec, ExecutorSpec, JsonValue, PipelineSpec, PipelineTaskSpec } from '@ctpipe/ir';
import { buildComponentSpecForTask, buildRootInputDefinitions } from './build-component-spec.js';
import { buildConditionComponentSpec, buildConditionTaskSpec } from './build-condition-dag.js';
import { buildContainerExecutor } from './build-executor.js';
import {
  buildResolverComponentSpec,
  buildResolverExecutor,
  buildResolverTaskSpec,
} from './build-resolver.js';
import { buildTaskSpecForTask, type DagContext } from './build-task-spec.js';
import { type Channel, conditionChannels } from './channels.js';
import { dependencies } from './dependencies.js';
import { groupInputs } from './group-inputs.js';
import { GroupTree } from './group-tree.js';
import { applyParameterDefaults } from './parameter-defaults.js';

export const SDK_VERSION = 'ctpipe-0.1.0';
export const SCHEMA_VERSION = '2.1.0';

export interface CompileOptions {
  /** Written as `defaultPipelineRoot`; overrides the pipeline's own `pipelineRoot`. */
  defaultPipelineRoot?: string;
  /** New defaults for pipeline parameters (e.g. per environment from settings.yaml). */
  parameterDefaults?: Record<string, JsonValue>;
}

/**
 * Compiles a DSL pipeline to the KFP v2 PipelineSpec the KFP SDK (schema 2.1.0) would emit for it.
 * Walks the groups parent first, as the SDK's `build_spec_by_group` does, so component and executor
 * names are made unique in the same order.
 */
export function compilePipeline(pipeline: Pipeline, options: CompileOptions = {}): PipelineSpec {
  const tree = new GroupTree(pipeline);
  const inputs = groupInputs(tree);
  const deps = dependencies(tree);
  const components: Record<string, ComponentSpec> = {};
  const executors: Record<string, ExecutorSpec> = {};

  const root: ComponentSpec = { dag: { tasks: {} } };
  const rootInputs = buildRootInputDefinitions(pipeline.parameters);
  if (rootInputs) root.inputDefinitions = rootInputs;
  applyParameterDefaults(pipeline.name, root.inputDefinitions, options.parameterDefaults ?? {});
  const groupSpecs = new Map<TaskGroup, ComponentSpec>([[pipeline.root, root]]);

  for (const group of tree.groups) {
    const groupSpec = groupSpecs.get(group)!;
    const dag: DagContext = {
      parentInputs: groupSpec.inputDefinitions,
      isRoot: group.kind === 'root',
      siblings: new Set([...group.groups.map((g) => g.name), ...group.tasks.map((t) => t.name)]),
    };
    const place = (name: string, taskSpec: PipelineTaskSpec, componentSpec: ComponentSpec) => {
      const upstream = [...(deps.get(name) ?? [])].sort();
      if (upstream.length > 0) taskSpec.dependentTasks = upstream;
      const componentName = uniqueName(`comp-${name}`, new Set(Object.keys(components)));
      taskSpec.componentRef = { name: componentName };
      components[componentName] = componentSpec;
      groupSpec.dag!.tasks[name] = taskSpec;
    };
    for (const sub of group.groups) {
      const channels = uniqueChannels([
        ...(inputs.get(sub.name)?.values() ?? []),
        ...conditionChannels(sub.condition!),
      ]);
      const componentSpec = buildConditionComponentSpec(channels);
      groupSpecs.set(sub, componentSpec);
      place(sub.name, buildConditionTaskSpec(sub, channels, dag), componentSpec);
    }
    for (const task of group.tasks) {
      const label = uniqueName(`exec-${task.name}`, new Set(Object.keys(executors)));
      if (task.kind === 'resolver') {
        executors[label] = buildResolverExecutor(task);
        place(task.name, buildResolverTaskSpec(task), {
          ...buildResolverComponentSpec(task),
          executorLabel: label,
        });
        continue;
      }
      executors[label] = buildContainerExecutor(task);
      place(task.name, buildTaskSpecForTask(task, dag), {
        ...buildComponentSpecForTask(task.component.definition),
        executorLabel: label,
      });
    }
  }

  const spec: PipelineSpec = {
    pipelineInfo: {
      name: pipeline.name,
      ...(pipeline.displayName ? { displayName: pipeline.displayName } : {}),
      ...(pipeline.description ? { description: pipeline.description } : {}),
    },
    deploymentSpec: { executors },
    sdkVersion: SDK_VERSION,
    schemaVersion: SCHEMA_VERSION,
    components,
    root,
  };
  const pipelineRoot = options.defaultPipelineRoot ?? pipeline.pipelineRoot;
  if (pipelineRoot) spec.defaultPipelineRoot = pipelineRoot;
  return spec;
}

function uniqueChannels(channels: Channel[]): Channel[] {
  return [...new Map(channels.map((c) => [c.key, c])).values()];
}
