import type { Condition } from '../condition.js';
import type { TaskGroup } from '../group.js';
import type { PipelineNode } from '../pipeline-node.js';

export class MutableGroup implements TaskGroup {
  readonly groups: MutableGroup[] = [];
  readonly tasks: PipelineNode[] = [];

  constructor(
    readonly kind: 'root' | 'condition',
    readonly name: string,
    readonly displayName: string | undefined,
    readonly condition: Condition | undefined,
    readonly parent: MutableGroup | undefined,
  ) {}
}
