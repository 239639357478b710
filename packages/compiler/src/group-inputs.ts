import type { Channel } from './channels.js';
import { taskInputChannels } from './channels.js';
import type { GroupTree } from './group-tree.js';

/**
 * For each group (and task), the outer channels it must receive: KFP's `get_inputs_for_all_groups`
 * without loops. A task output consumed inside nested groups is passed down through each group between
 * the producer's and the consumer's; a pipeline parameter through every enclosing group. The channels
 * of enclosing conditions count as inputs of each task inside them.
 */
export function groupInputs(tree: GroupTree): Map<string, Map<string, Channel>> {
  const inputs = new Map<string, Map<string, Channel>>();
  const add = (name: string, channel: Channel) => {
    const channels = inputs.get(name) ?? new Map<string, Channel>();
    channels.set(channel.key, channel);
    inputs.set(name, channels);
  };
  for (const task of tree.pipeline.tasks) {
    for (const channel of [...taskInputChannels(task), ...tree.conditionChannelsOf(task)]) {
      const receivers = channel.producer
        ? tree.uncommonAncestors(channel.producer.name, task.name)[1]
        : tree.pathOf(task.name);
      for (const name of receivers) add(name, channel);
    }
  }
  return inputs;
}
