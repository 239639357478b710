import type { Condition } from '../condition.js';
import type { TaskGroup } from '../group.js';
import type { PipelineTask } from '../task.js';

export class MutableGroup implements TaskGroup {
  readonly groups: MutableGroup[] = [];
  readonly tasks: PipelineTask[] = [];

  constructor(
    readonly kind: 'root' | 'condition',
    readonly name: string,
    readonly displayName: string | undefined,
    readonly condition: Condition | undefined,
    readonly parent: MutableGroup | undefined,
  ) {}
}
