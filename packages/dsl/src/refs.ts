import type { ParameterKind } from '@ctpipe/contract';
import { type ComparisonOperator, Condition, type ConditionOperand } from './condition.js';
import type { PipelineScope } from './internal/scope.js';
import type { PipelineNode } from './pipeline-node.js';
import type { PipelineTask } from './task.js';

/** Where a parameter value comes from: a pipeline parameter or an output parameter of a task. */
export type ParameterSource =
  | { readonly kind: 'pipelineParameter'; readonly name: string }
  | { readonly kind: 'taskOutput'; readonly task: PipelineTask; readonly output: string };

type NumberKind = 'NUMBER_INTEGER' | 'NUMBER_DOUBLE';

/** What a parameter of kind K may be compared with: a literal of its kind or a ref of a compatible kind. */
export type Comparand<K extends ParameterKind> = K extends NumberKind
  ? number | ParameterRef<NumberKind>
  : K extends 'STRING'
    ? string | ParameterRef<'STRING'>
    : K extends 'BOOLEAN'
      ? boolean | ParameterRef<'BOOLEAN'>
      : never;

/**
 * A reference to a parameter value known only at run time. It stays a structured object until the
 * compiler turns it into `componentInputParameter` / `taskOutputParameter` (no `{{channel:…}}` strings).
 */
export class ParameterRef<K extends ParameterKind = ParameterKind> {
  /** @internal */
  readonly scope: PipelineScope;

  constructor(
    readonly parameterType: K,
    readonly source: ParameterSource,
    scope: PipelineScope,
  ) {
    this.scope = scope;
  }

  eq(other: Comparand<K>): Condition {
    return this.compare('==', other);
  }
  ne(other: Comparand<K>): Condition {
    return this.compare('!=', other);
  }
  lt(other: Comparand<K>): Condition {
    return this.compare('<', other);
  }
  le(other: Comparand<K>): Condition {
    return this.compare('<=', other);
  }
  gt(other: Comparand<K>): Condition {
    return this.compare('>', other);
  }
  ge(other: Comparand<K>): Condition {
    return this.compare('>=', other);
  }

  /** For error messages: `params.lr` or `train.outputs.parameters.loss`. */
  describe(): string {
    return this.source.kind === 'pipelineParameter'
      ? `params.${this.source.name}`
      : `${this.source.task.name}.outputs.parameters.${this.source.output}`;
  }

  private compare(operator: ComparisonOperator, other: ConditionOperand): Condition {
    return Condition.compare(operator, this, other);
  }
}

/**
 * A reference to an output artifact of a task. `MayBeAbsent` is true for a resolver's outputs: a query may find
 * nothing, so such a ref can only feed optional inputs (checked by the types and again when the task is added).
 */
export class ArtifactRef<T extends string = string, MayBeAbsent extends boolean = boolean> {
  /** @internal */
  readonly scope: PipelineScope;

  constructor(
    readonly artifactType: T,
    readonly task: PipelineNode,
    readonly output: string,
    scope: PipelineScope,
    readonly mayBeAbsent: MayBeAbsent,
  ) {
    this.scope = scope;
  }

  describe(): string {
    return `${this.task.name}.outputs.artifacts.${this.output}`;
  }
}
