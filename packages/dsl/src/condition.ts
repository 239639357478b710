import type { ParameterKind } from '@ctpipe/contract';
import { CtpipeError } from '@ctpipe/errors';
import type { ParameterRef } from './refs.js';

export type ComparisonOperator = '==' | '!=' | '<' | '<=' | '>' | '>=';

export type ConditionLiteral = string | number | boolean;
export type ConditionOperand = ParameterRef | ConditionLiteral;

/** One comparison; the left side is always a ref, as in KFP (`task.output == 'heads'`). */
export interface ConditionOperation {
  readonly operator: ComparisonOperator;
  readonly left: ParameterRef;
  readonly right: ConditionOperand;
}

const NUMBER_KINDS: ReadonlySet<ParameterKind> = new Set(['NUMBER_INTEGER', 'NUMBER_DOUBLE']);
const COMPARABLE_KINDS: ReadonlySet<ParameterKind> = new Set([
  'STRING',
  'BOOLEAN',
  'NUMBER_INTEGER',
  'NUMBER_DOUBLE',
]);

/**
 * A run-time condition on parameters: one comparison or several joined with `and`.
 * Compiles to `triggerPolicy.condition` in CEL on the task that runs the condition's sub-DAG.
 */
export class Condition {
  private constructor(readonly operations: readonly ConditionOperation[]) {}

  /** Use `ref.eq(…)`, `ref.lt(…)` … rather than this. */
  static compare(operator: ComparisonOperator, left: ParameterRef, right: ConditionOperand): Condition {
    checkOperands(operator, left, right);
    return new Condition([{ operator, left, right }]);
  }

  /** Both must hold (KFP joins conditions with ` && `). */
  and(other: Condition): Condition {
    return new Condition([...this.operations, ...other.operations]);
  }
}

function checkOperands(operator: ComparisonOperator, left: ParameterRef, right: ConditionOperand): void {
  const where = `${left.describe()} ${operator} ${describeOperand(right)}`;
  if (!COMPARABLE_KINDS.has(left.parameterType)) {
    throw badCondition(
      where,
      'a STRING, NUMBER_INTEGER, NUMBER_DOUBLE or BOOLEAN parameter',
      left.parameterType,
    );
  }
  if (isRef(right)) {
    if (right.scope !== left.scope)
      throw badCondition(where, 'refs of the same pipeline', 'a ref of another');
    const compatible =
      right.parameterType === left.parameterType ||
      (NUMBER_KINDS.has(left.parameterType) && NUMBER_KINDS.has(right.parameterType));
    if (!compatible) throw badCondition(where, `a ${left.parameterType} operand`, right.parameterType);
    return;
  }
  const expected = NUMBER_KINDS.has(left.parameterType)
    ? 'number'
    : left.parameterType === 'STRING'
      ? 'string'
      : 'boolean';
  if (typeof right !== expected) throw badCondition(where, `a ${expected} literal`, typeof right);
  if (typeof right === 'number' && !Number.isFinite(right)) {
    throw badCondition(where, 'a finite number', String(right));
  }
  // The SDK writes string literals between single quotes without escaping; refuse what it would garble.
  if (typeof right === 'string' && /['\\]/.test(right)) {
    throw badCondition(where, "a string without ' or \\", right);
  }
}

function isRef(operand: ConditionOperand): operand is ParameterRef {
  return typeof operand === 'object' && operand !== null && 'parameterType' in operand;
}

function describeOperand(operand: ConditionOperand): string {
  return isRef(operand) ? operand.describe() : JSON.stringify(operand);
}

function badCondition(where: string, expected: string, found: string): CtpipeError {
  return new CtpipeError('BAD_CONFIG', `Invalid condition ${where}: expected ${expected}, found ${found}`, {
    details: { condition: where, expected, found },
  });
}
