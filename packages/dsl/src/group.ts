import type { Condition } from './condition.js';
import type { PipelineNode } from './pipeline-node.js';

/** The pipeline's root DAG or a condition's sub-DAG (`comp-condition-N` once compiled). */
export interface TaskGroup {
  readonly kind: 'root' | 'condition';
  /** `condition-N` (numbered pipeline-wide in opening order); the pipeline name for the root. */
  readonly name: string;
  readonly displayName: string | undefined;
  readonly condition: Condition | undefined;
  readonly parent: TaskGroup | undefined;
  /** Child groups, in the order they were opened. */
  readonly groups: readonly TaskGroup[];
  /** Tasks and resolvers directly in this group, in the order they were added. */
  readonly tasks: readonly PipelineNode[];
}

/** True when a task of `producer` is visible from `consumer`: the same group or an enclosing one. */
export function isVisibleFrom(producer: TaskGroup, consumer: TaskGroup): boolean {
  for (let group: TaskGroup | undefined = consumer; group; group = group.parent) {
    if (group === producer) return true;
  }
  return false;
}
