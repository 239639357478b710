import type { Condition, ConditionOperand, ConditionOperation } from '@ctpipe/dsl';
import type { ParameterType } from '@ctpipe/ir';
import { channelInputName, parameterChannel } from './channels.js';
import { pythonFloatRepr, pythonIntRepr } from './python-json.js';

/**
 * `triggerPolicy.condition` exactly as the SDK writes it (`_single_binary_operation_to_cel_condition`):
 * operands read `inputs.parameter_values['pipelinechannel--…']`, integers wrapped in `int(…)`, an integer
 * compared with a double promoted with `double(…)`, several comparisons joined by ` && `.
 */
export function conditionToCel(condition: Condition): string {
  return condition.operations.map(operationToCel).join(' && ');
}

function operationToCel({ operator, left, right }: ConditionOperation): string {
  const leftType = operandType(left);
  const rightType = operandType(right);
  // The DSL only lets numbers of both kinds meet; then the SDK compares as doubles.
  const canonical = leftType === rightType ? leftType : 'NUMBER_DOUBLE';
  return `${operandToCel(left, leftType, canonical)} ${operator} ${operandToCel(right, rightType, canonical)}`;
}

function operandType(operand: ConditionOperand): ParameterType {
  if (typeof operand === 'object') return operand.parameterType;
  if (typeof operand === 'string') return 'STRING';
  if (typeof operand === 'boolean') return 'BOOLEAN';
  return Number.isInteger(operand) ? 'NUMBER_INTEGER' : 'NUMBER_DOUBLE';
}

function operandToCel(operand: ConditionOperand, type: ParameterType, canonical: ParameterType): string {
  let text: string;
  if (typeof operand === 'object') {
    text = `inputs.parameter_values['${channelInputName(parameterChannel(operand))}']`;
    if (type === 'NUMBER_INTEGER') text = `int(${text})`;
  } else if (typeof operand === 'string') {
    text = `'${operand}'`;
  } else if (typeof operand === 'boolean') {
    text = String(operand);
  } else {
    text = type === 'NUMBER_INTEGER' ? pythonIntRepr(operand) : pythonFloatRepr(operand);
  }
  return type !== canonical ? `double(${text})` : text;
}
