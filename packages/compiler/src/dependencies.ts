import { taskInputChannels } from './channels.js';
import type { GroupTree } from './group-tree.js';

/**
 * `dependentTasks` of every task and group (KFP's `get_dependencies`): data producers, `.after()` targets and
 * producers of enclosing conditions' values. A dependency between tasks in different groups lands on the
 * first uncommon ancestors, so only siblings in one DAG depend on each other.
 */
export function dependencies(tree: GroupTree): Map<string, Set<string>> {
  const result = new Map<string, Set<string>>();
  for (const task of tree.pipeline.tasks) {
    const upstream = new Set<string>();
    for (const channel of [...taskInputChannels(task), ...tree.conditionChannelsOf(task)]) {
      if (channel.producer) upstream.add(channel.producer.name);
    }
    if (task.kind === 'container') for (const after of task.settings.after) upstream.add(after.name);
    for (const name of upstream) {
      const [up, down] = tree.uncommonAncestors(name, task.name);
      const downstream = down[0]!;
      const deps = result.get(downstream) ?? new Set<string>();
      deps.add(up[0]!);
      result.set(downstream, deps);
    }
  }
  return result;
}
