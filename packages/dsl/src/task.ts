import type { ComponentDefinition, LoadedComponent } from '@ctpipe/contract';
import { CtpipeError } from '@ctpipe/errors';
import { isVisibleFrom, type TaskGroup } from './group.js';
import type { TaskInputs } from './internal/bind-inputs.js';
import type { PipelineScope } from './internal/scope.js';
import type { PipelineNode } from './pipeline-node.js';
import { ArtifactRef, ParameterRef } from './refs.js';
import { ResolverTask } from './resolver.js';
import {
  badSetting,
  mergeResources,
  type ResourceOptions,
  type ResourceSettings,
  type RetryOptions,
  type RetrySettings,
  resolveRetry,
} from './task-settings.js';
import type { TaskOutputs } from './task-types.js';

/** Everything set on a task besides its inputs, as the compiler reads it. */
export interface TaskSettings {
  /** Tasks named by `.after()` (data producers are implied by the wiring and not listed here). */
  readonly after: readonly PipelineNode[];
  readonly enableCaching: boolean;
  readonly cacheKey: string | undefined;
  readonly retry: RetrySettings | undefined;
  readonly resources: ResourceSettings | undefined;
  /** `.setEnv()` calls in order; they override the component's own env. */
  readonly env: ReadonlyMap<string, string>;
  readonly displayName: string | undefined;
}

/** One instantiated component in a pipeline (KFP's PipelineTask). Setters chain and return the task. */
export class PipelineTask<D extends ComponentDefinition = ComponentDefinition> {
  readonly kind = 'container';
  readonly outputs: TaskOutputs<D>;
  private readonly after_: PipelineNode[] = [];
  private enableCaching = true;
  private cacheKey: string | undefined;
  private retry: RetrySettings | undefined;
  private resources: ResourceSettings | undefined;
  private readonly env = new Map<string, string>();
  private displayName: string | undefined;
  /** @internal */
  readonly scope: PipelineScope;

  /** @internal Tasks are made by `builder.task()`. */
  constructor(
    readonly name: string,
    readonly component: LoadedComponent<D>,
    readonly group: TaskGroup,
    readonly inputs: TaskInputs,
    scope: PipelineScope,
  ) {
    this.scope = scope;
    const parameters = Object.entries(component.definition.outputs.parameters ?? {}).map(([output, def]) => [
      output,
      new ParameterRef(def.type, { kind: 'taskOutput', task: this, output }, scope),
    ]);
    const artifacts = Object.entries(component.definition.outputs.artifacts ?? {}).map(([output, def]) => [
      output,
      new ArtifactRef(def.type, this, output, scope, false),
    ]);
    // The mapped types of TaskOutputs<D> are exactly these entries; TS cannot follow Object.entries.
    this.outputs = {
      parameters: Object.freeze(Object.fromEntries(parameters)),
      artifacts: Object.freeze(Object.fromEntries(artifacts)),
    } as TaskOutputs<D>;
  }

  get settings(): TaskSettings {
    return {
      after: [...this.after_],
      enableCaching: this.enableCaching,
      cacheKey: this.cacheKey,
      retry: this.retry,
      resources: this.resources,
      env: new Map(this.env),
      displayName: this.displayName,
    };
  }

  /** Run after these tasks even though no data flows from them. */
  after(...tasks: PipelineNode[]): this {
    this.scope.assertOpen(`call ${this.name}.after()`);
    for (const task of tasks) {
      const isNode = task instanceof PipelineTask || task instanceof ResolverTask;
      if (!isNode || task.scope !== this.scope || task === this) {
        throw badSetting(this.name, 'after()', 'another task of the same pipeline', String(task?.name));
      }
      if (!isVisibleFrom(task.group, this.group)) {
        throw badSetting(
          this.name,
          'after()',
          'a task in this group or an enclosing one',
          `${task.name} in ${task.group.name}`,
        );
      }
      if (!this.after_.includes(task)) this.after_.push(task);
    }
    return this;
  }

  /** Caching is on by default, as in KFP; a cache key replaces the automatic fingerprint. */
  setCaching(enabled: boolean, cacheKey?: string): this {
    this.scope.assertOpen(`call ${this.name}.setCaching()`);
    this.enableCaching = enabled;
    this.cacheKey = cacheKey === '' ? undefined : cacheKey;
    return this;
  }

  setRetry(options: RetryOptions): this {
    this.scope.assertOpen(`call ${this.name}.setRetry()`);
    this.retry = resolveRetry(this.name, options);
    return this;
  }

  /** Merges into earlier calls, like KFP's set_cpu_limit / set_memory_limit / set_accelerator_type. */
  setResources(options: ResourceOptions): this {
    this.scope.assertOpen(`call ${this.name}.setResources()`);
    this.resources = mergeResources(this.name, this.resources, options);
    return this;
  }

  setEnv(name: string, value: string): this {
    this.scope.assertOpen(`call ${this.name}.setEnv()`);
    if (name === '' || typeof value !== 'string') {
      throw new CtpipeError(
        'BAD_CONFIG',
        `Task '${this.name}': setEnv needs a non-empty name and a string value`,
        {
          details: { task: this.name, expected: 'name and string value', found: `${name}=${String(value)}` },
        },
      );
    }
    this.env.set(name, value);
    return this;
  }

  /** The name shown in the UI (`taskInfo.name`); the task's key stays `name`. */
  setDisplayName(displayName: string): this {
    this.scope.assertOpen(`call ${this.name}.setDisplayName()`);
    this.displayName = displayName === '' ? undefined : displayName;
    return this;
  }
}
