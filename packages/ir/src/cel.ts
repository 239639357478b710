import { CtpipeError } from '@ctpipe/errors';
import { type CelNode, CelSyntaxError, parseCel, type RelOp } from './internal/cel-parse.js';
import type { JsonValue } from './pipeline-spec.js';

type CelValue =
  | { type: 'int' | 'double'; value: number }
  | { type: 'string'; value: string }
  | { type: 'bool'; value: boolean }
  | { type: 'null' }
  | { type: 'list' | 'map'; value: JsonValue };

/**
 * Evaluates a `triggerPolicy.condition` against the values of the task's input parameters, as the KFP
 * driver does. Parameter values are google.protobuf.Value, so numbers read from them are doubles (hence
 * the SDK's `int(…)`); ints and doubles compare numerically, values of different kinds are never equal.
 * Anything outside the subset the SDK writes, or a parameter not in `parameterValues`, is a BAD_CONFIG
 * error naming the expression and the column.
 */
export function evaluateCondition(expr: string, parameterValues: Record<string, JsonValue>): boolean {
  const result = evaluate(parse(expr), expr, parameterValues);
  if (result.type !== 'bool') throw celError(expr, 0, `the condition is a ${result.type}, not a bool`);
  return result.value;
}

/** Parses or throws the BAD_CONFIG error evaluateCondition would. */
export function parseCondition(expr: string): CelNode {
  try {
    return parseCel(expr);
  } catch (err) {
    if (err instanceof CelSyntaxError) throw celError(expr, err.pos, err.message);
    throw err;
  }
}

const parse = parseCondition;

function evaluate(node: CelNode, expr: string, params: Record<string, JsonValue>): CelValue {
  const fail = (message: string): never => {
    throw celError(expr, node.pos, message);
  };
  switch (node.kind) {
    case 'param': {
      if (!Object.hasOwn(params, node.name)) return fail(`undeclared parameter '${node.name}'`);
      return fromJson(params[node.name]!);
    }
    case 'int':
    case 'double':
    case 'string':
    case 'bool':
      return { type: node.kind, value: node.value } as CelValue;
    case 'null':
      return { type: 'null' };
    case 'neg': {
      const v = evaluate(node.arg, expr, params);
      return v.type === 'int' || v.type === 'double'
        ? { type: v.type, value: -v.value }
        : fail(`cannot negate a ${v.type}`);
    }
    case 'not': {
      const v = evaluate(node.arg, expr, params);
      return v.type === 'bool'
        ? { type: 'bool', value: !v.value }
        : fail(`'!' needs a bool, found a ${v.type}`);
    }
    case 'and':
    case 'or': {
      const left = evaluate(node.left, expr, params);
      if (left.type !== 'bool')
        return fail(`'${node.kind === 'and' ? '&&' : '||'}' needs bools, found a ${left.type}`);
      if (left.value === (node.kind === 'or')) return left;
      const right = evaluate(node.right, expr, params);
      return right.type === 'bool'
        ? right
        : fail(`'${node.kind === 'and' ? '&&' : '||'}' needs bools, found a ${right.type}`);
    }
    case 'call':
      return convert(node.fn, evaluate(node.arg, expr, params), fail);
    case 'rel':
      return {
        type: 'bool',
        value: compare(node.op, evaluate(node.left, expr, params), evaluate(node.right, expr, params), fail),
      };
  }
}

function fromJson(value: JsonValue): CelValue {
  if (value === null) return { type: 'null' };
  if (typeof value === 'number') return { type: 'double', value };
  if (typeof value === 'string') return { type: 'string', value };
  if (typeof value === 'boolean') return { type: 'bool', value };
  return { type: Array.isArray(value) ? 'list' : 'map', value };
}

function convert(fn: 'int' | 'double', v: CelValue, fail: (m: string) => never): CelValue {
  if (fn === 'int') {
    if (v.type === 'int') return v;
    if (v.type === 'double') {
      // CEL truncates toward zero and refuses what an int64 cannot hold.
      if (!Number.isFinite(v.value) || Math.abs(v.value) >= 2 ** 63)
        return fail(`int(${v.value}) is out of range`);
      return { type: 'int', value: Math.trunc(v.value) };
    }
    if (v.type === 'string' && /^[+-]?\d+$/.test(v.value)) return { type: 'int', value: Number(v.value) };
    return fail(`int() cannot convert ${show(v)}`);
  }
  if (v.type === 'double') return v;
  if (v.type === 'int') return { type: 'double', value: v.value };
  if (v.type === 'string' && v.value.trim() !== '' && Number.isFinite(Number(v.value))) {
    return { type: 'double', value: Number(v.value) };
  }
  return fail(`double() cannot convert ${show(v)}`);
}

function compare(op: RelOp, a: CelValue, b: CelValue, fail: (m: string) => never): boolean {
  const numeric = (a.type === 'int' || a.type === 'double') && (b.type === 'int' || b.type === 'double');
  if (op === '==' || op === '!=') {
    const equal = numeric
      ? (a as { value: number }).value === (b as { value: number }).value
      : sameValue(a, b);
    return op === '==' ? equal : !equal;
  }
  let order: number;
  if (numeric) order = Math.sign((a as { value: number }).value - (b as { value: number }).value);
  else if (a.type === 'string' && b.type === 'string')
    order = a.value < b.value ? -1 : a.value > b.value ? 1 : 0;
  else if (a.type === 'bool' && b.type === 'bool') order = Number(a.value) - Number(b.value);
  else return fail(`no '${op}' between a ${a.type} and a ${b.type}`);
  return op === '<' ? order < 0 : op === '<=' ? order <= 0 : op === '>' ? order > 0 : order >= 0;
}

function sameValue(a: CelValue, b: CelValue): boolean {
  if (a.type !== b.type) return false;
  if (a.type === 'null') return true;
  return canonical((a as { value: JsonValue }).value) === canonical((b as { value: JsonValue }).value);
}

function canonical(value: JsonValue): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  const keys = Object.keys(value).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonical(value[k]!)}`).join(',')}}`;
}

function show(v: CelValue): string {
  return v.type === 'null' ? 'null' : `${v.type} ${JSON.stringify(v.value)}`;
}

function celError(expression: string, pos: number, problem: string): CtpipeError {
  const column = pos + 1;
  return new CtpipeError('BAD_CONFIG', `CEL condition "${expression}": ${problem} at column ${column}`, {
    details: { expression, position: column, found: problem },
  });
}
