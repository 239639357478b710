import type { Pipeline, PipelineNode, TaskGroup } from '@ctpipe/dsl';
import { type Channel, conditionChannels } from './channels.js';

// The root's entry in ancestor paths; never a task or group name, so it cannot collide with one.
const ROOT = '\u0000root';

/**
 * Where each task and group sits: the ancestor chains KFP's compiler reasons with (`get_parent_groups`,
 * `_get_uncommon_ancestors`) and the condition values each task lives under.
 */
export class GroupTree {
  private readonly paths = new Map<string, string[]>();
  readonly groups: TaskGroup[] = [];

  constructor(readonly pipeline: Pipeline) {
    this.visit(pipeline.root, []);
  }

  /** Names from the root down to `name` (a task or a group), both ends included. */
  pathOf(name: string): string[] {
    const path = this.paths.get(name);
    if (!path) throw new Error(`internal: ${name} is not in pipeline ${this.pipeline.name}`);
    return path;
  }

  /** The two chains below the deepest common ancestor, e.g. ([G2, task1], [G4, task2]). */
  uncommonAncestors(upstream: string, downstream: string): [string[], string[]] {
    const a = this.pathOf(upstream);
    const b = this.pathOf(downstream);
    let common = 0;
    while (common < a.length && common < b.length && a[common] === b[common]) common++;
    return [a.slice(common), b.slice(common)];
  }

  /** Channels compared by every condition group enclosing the task, outermost first. */
  conditionChannelsOf(task: PipelineNode): Channel[] {
    const chain: TaskGroup[] = [];
    for (let group: TaskGroup | undefined = task.group; group; group = group.parent) chain.unshift(group);
    return chain.flatMap((group) => (group.condition ? conditionChannels(group.condition) : []));
  }

  static isRoot(name: string): boolean {
    return name === ROOT;
  }

  private visit(group: TaskGroup, parentPath: string[]): void {
    const path = [...parentPath, group.kind === 'root' ? ROOT : group.name];
    this.groups.push(group);
    if (group.kind !== 'root') this.paths.set(group.name, path);
    for (const child of group.groups) this.visit(child, path);
    for (const task of group.tasks) this.paths.set(task.name, [...path, task.name]);
  }
}
