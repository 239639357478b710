import type { ComponentDefinition, LoadedComponent } from '@ctpipe/contract';
import { CtpipeError } from '@ctpipe/errors';
import { Condition } from './condition.js';
import { isVisibleFrom } from './group.js';
import { bindInputs, type RawTaskArgs } from './internal/bind-inputs.js';
import { checkComponent } from './internal/check-component.js';
import { MutableGroup } from './internal/mutable-group.js';
import { resolverQueries } from './internal/resolver-queries.js';
import type { PipelineScope } from './internal/scope.js';
import { K8S_NAME, k8sName, uniqueName } from './names.js';
import type { PipelineNode } from './pipeline-node.js';
import { type ResolverOptions, type ResolverOutputDef, ResolverTask } from './resolver.js';
import { PipelineTask } from './task.js';
import type { TaskArgsTuple } from './task-types.js';

const GROUP_NAME = /^condition-\d+$/;

/**
 * Adds tasks and condition groups to one group of a pipeline. Passed explicitly to the pipeline body and
 * to each condition body (no ambient "current pipeline"): a builder always adds to its own group.
 */
export class PipelineBuilder {
  /** @internal */
  constructor(
    private readonly scope: PipelineScope,
    private readonly group: MutableGroup,
    private readonly allTasks: PipelineNode[],
  ) {}

  /** Instantiates a component; inputs are wired by passing literals, pipeline parameters or task outputs. */
  task<D extends ComponentDefinition>(
    component: LoadedComponent<D>,
    ...args: TaskArgsTuple<D>
  ): PipelineTask<D> {
    this.scope.assertOpen(`add a task of component '${component.definition.name}'`);
    checkComponent(component);
    const [taskArgs] = args;
    const name = this.taskName(component, taskArgs?.name);
    const inputs = bindInputs(
      { task: name, component, scope: this.scope, group: this.group },
      (taskArgs ?? {}) as RawTaskArgs,
    );
    return this.add(new PipelineTask(name, component, this.group, inputs, this.scope));
  }

  /**
   * Adds a resolver: each output is the newest artifact of earlier runs matching its filter (TFX's Resolver
   * with LatestArtifactStrategy), e.g. the previous span's statistics. A query may find nothing, so its outputs
   * can feed only optional inputs.
   */
  resolver<const O extends Record<string, ResolverOutputDef>>(options: ResolverOptions<O>): ResolverTask<O> {
    this.scope.assertOpen(`add resolver '${options.name}'`);
    const name = this.explicitName(options.name);
    const queries = resolverQueries(name, options.outputs);
    const displayName = options.displayName === '' ? undefined : options.displayName;
    return this.add(new ResolverTask<O>(name, this.group, queries, displayName, this.scope));
  }

  /**
   * Tasks added in `body` run only when `condition` holds at run time (KFP's `dsl.If`); conditions nest.
   * Returns what `body` returns.
   */
  condition<R>(
    condition: Condition,
    body: (b: PipelineBuilder) => R,
    options: { displayName?: string } = {},
  ): R {
    this.scope.assertOpen('add a condition');
    if (!(condition instanceof Condition)) {
      throw new CtpipeError('BAD_CONFIG', 'builder.condition() needs a Condition, such as ref.eq(value)', {
        details: { expected: 'Condition', found: typeof condition },
      });
    }
    for (const { left, right } of condition.operations) {
      for (const ref of typeof right === 'object' ? [left, right] : [left]) {
        const producer = ref.source.kind === 'taskOutput' ? ref.source.task.group : undefined;
        if (ref.scope !== this.scope || (producer && !isVisibleFrom(producer, this.group))) {
          throw new CtpipeError(
            'BAD_CONFIG',
            `Condition on ${ref.describe()}: the value must come from this pipeline, from a task in this group or an enclosing one`,
            {
              details: {
                condition: ref.describe(),
                expected: 'a visible ref',
                found: producer?.name ?? 'other pipeline',
              },
            },
          );
        }
      }
    }
    const group = new MutableGroup(
      'condition',
      `condition-${this.scope.nextGroupId()}`,
      options.displayName,
      condition,
      this.group,
    );
    this.group.groups.push(group);
    const result = body(new PipelineBuilder(this.scope, group, this.allTasks));
    // KFP would emit a sub-DAG component with neither dag nor executor, which no backend runs.
    if (group.tasks.length === 0 && group.groups.length === 0) {
      throw new CtpipeError('BAD_CONFIG', `Condition ${group.name} has no task`, {
        details: { condition: group.name, expected: 'at least one task', found: 'none' },
      });
    }
    return result;
  }

  private add<N extends PipelineNode>(node: N): N {
    this.scope.taskNames.add(node.name);
    this.group.tasks.push(node);
    this.allTasks.push(node);
    return node;
  }

  private explicitName(explicit: string): string {
    if (
      typeof explicit !== 'string' ||
      !K8S_NAME.test(explicit) ||
      GROUP_NAME.test(explicit) ||
      this.scope.taskNames.has(explicit)
    ) {
      throw new CtpipeError('BAD_CONFIG', `Task name '${explicit}' is not usable`, {
        details: {
          task: String(explicit),
          expected: 'a unique name of [a-z0-9-] starting and ending with a letter or digit, not condition-N',
          found: this.scope.taskNames.has(explicit) ? 'a name already taken' : String(explicit),
        },
      });
    }
    return explicit;
  }

  private taskName(component: LoadedComponent, explicit: string | undefined): string {
    if (explicit !== undefined) return this.explicitName(explicit);
    const name = uniqueName(k8sName(component.definition.name) || 'task', this.scope.taskNames);
    if (GROUP_NAME.test(name)) {
      throw new CtpipeError(
        'BAD_CONFIG',
        `Task name '${name}' would clash with a condition group; pass a name`,
        {
          details: { task: name, component: component.definition.name },
        },
      );
    }
    return name;
  }
}
