/**
 * Parser for the CEL subset the KFP SDK writes in `triggerPolicy.condition`:
 * `inputs.parameter_values['x']`, literals, `int(…)`, `double(…)`, comparisons, `!`, `&&`, `||`, parentheses.
 */

export type RelOp = '==' | '!=' | '<' | '<=' | '>' | '>=';

export type CelNode =
  | { kind: 'param'; name: string; pos: number }
  | { kind: 'int' | 'double'; value: number; pos: number }
  | { kind: 'string'; value: string; pos: number }
  | { kind: 'bool'; value: boolean; pos: number }
  | { kind: 'null'; pos: number }
  | { kind: 'call'; fn: 'int' | 'double'; arg: CelNode; pos: number }
  | { kind: 'not' | 'neg'; arg: CelNode; pos: number }
  | { kind: 'rel'; op: RelOp; left: CelNode; right: CelNode; pos: number }
  | { kind: 'and' | 'or'; left: CelNode; right: CelNode; pos: number };

type Token =
  | { type: 'ident'; text: string; pos: number }
  | { type: 'int' | 'double'; value: number; pos: number }
  | { type: 'string'; value: string; pos: number }
  | { type: 'punct'; text: string; pos: number }
  | { type: 'end'; pos: number };

/** A syntax problem at a 0-based offset; cel.ts turns it into a CtpipeError. */
export class CelSyntaxError extends Error {
  constructor(
    message: string,
    readonly pos: number,
  ) {
    super(message);
  }
}

const PUNCT = ['==', '!=', '<=', '>=', '&&', '||', '<', '>', '!', '(', ')', '[', ']', '.', '-'];
const ESCAPES: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"' };

function tokenize(src: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src.charAt(i);
    if (/\s/.test(ch)) {
      i++;
    } else if (/[A-Za-z_]/.test(ch)) {
      const text = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i))![0];
      tokens.push({ type: 'ident', text, pos: i });
      i += text.length;
    } else if (/[0-9]/.test(ch)) {
      const text = /^\d+(\.\d+)?([eE][+-]?\d+)?/.exec(src.slice(i))![0];
      tokens.push({ type: /[.eE]/.test(text) ? 'double' : 'int', value: Number(text), pos: i });
      i += text.length;
    } else if (ch === "'" || ch === '"') {
      const [value, end] = readString(src, i);
      tokens.push({ type: 'string', value, pos: i });
      i = end;
    } else {
      const text = PUNCT.find((p) => src.startsWith(p, i));
      if (!text) throw new CelSyntaxError(`unexpected character '${ch}'`, i);
      tokens.push({ type: 'punct', text, pos: i });
      i += text.length;
    }
  }
  tokens.push({ type: 'end', pos: src.length });
  return tokens;
}

function readString(src: string, start: number): [string, number] {
  const quote = src.charAt(start);
  let value = '';
  for (let i = start + 1; i < src.length; i++) {
    const ch = src.charAt(i);
    if (ch === quote) return [value, i + 1];
    if (ch === '\\') {
      const escaped = ESCAPES[src.charAt(i + 1)];
      if (escaped === undefined) throw new CelSyntaxError(`unsupported escape '\\${src.charAt(i + 1)}'`, i);
      value += escaped;
      i++;
    } else {
      value += ch;
    }
  }
  throw new CelSyntaxError('unterminated string literal', start);
}

export function parseCel(src: string): CelNode {
  const tokens = tokenize(src);
  let at = 0;
  const peek = () => tokens[at]!;
  const isPunct = (text: string) => {
    const t = peek();
    return t.type === 'punct' && t.text === text;
  };
  const expect = (text: string) => {
    if (!isPunct(text)) throw new CelSyntaxError(`expected '${text}', found ${describe(peek())}`, peek().pos);
    return tokens[at++]!;
  };

  const binary = (kind: 'and' | 'or', op: string, next: () => CelNode) => (): CelNode => {
    let left = next();
    while (isPunct(op)) {
      const { pos } = tokens[at++]!;
      left = { kind, left, right: next(), pos };
    }
    return left;
  };
  const relation = (): CelNode => {
    let left = unary();
    for (
      let t = peek();
      t.type === 'punct' && ['==', '!=', '<', '<=', '>', '>='].includes(t.text);
      t = peek()
    ) {
      at++;
      left = { kind: 'rel', op: t.text as RelOp, left, right: unary(), pos: t.pos };
    }
    return left;
  };
  const and = binary('and', '&&', relation);
  const or = binary('or', '||', and);

  function unary(): CelNode {
    const t = peek();
    if (t.type === 'punct' && (t.text === '!' || t.text === '-')) {
      at++;
      return { kind: t.text === '!' ? 'not' : 'neg', arg: unary(), pos: t.pos };
    }
    return primary();
  }

  function primary(): CelNode {
    const t = tokens[at++]!;
    switch (t.type) {
      case 'int':
      case 'double':
        return { kind: t.type, value: t.value, pos: t.pos };
      case 'string':
        return { kind: 'string', value: t.value, pos: t.pos };
      case 'punct':
        if (t.text !== '(') break;
        return parenthesized();
      case 'ident':
        return identifier(t);
    }
    throw new CelSyntaxError(`unexpected ${describe(t)}`, t.pos);
  }

  function parenthesized(): CelNode {
    const inner = or();
    expect(')');
    return inner;
  }

  function identifier(t: { text: string; pos: number }): CelNode {
    if (t.text === 'true' || t.text === 'false')
      return { kind: 'bool', value: t.text === 'true', pos: t.pos };
    if (t.text === 'null') return { kind: 'null', pos: t.pos };
    if (t.text === 'int' || t.text === 'double') {
      expect('(');
      const arg = or();
      expect(')');
      return { kind: 'call', fn: t.text, arg, pos: t.pos };
    }
    if (t.text !== 'inputs') throw new CelSyntaxError(`undeclared reference to '${t.text}'`, t.pos);
    expect('.');
    const field = tokens[at++]!;
    if (field.type !== 'ident' || field.text !== 'parameter_values') {
      throw new CelSyntaxError(
        `expected 'parameter_values' after 'inputs.', found ${describe(field)}`,
        field.pos,
      );
    }
    expect('[');
    const key = tokens[at++]!;
    if (key.type !== 'string')
      throw new CelSyntaxError(`expected a quoted parameter name, found ${describe(key)}`, key.pos);
    expect(']');
    return { kind: 'param', name: key.value, pos: t.pos };
  }

  const node = or();
  if (peek().type !== 'end') throw new CelSyntaxError(`unexpected ${describe(peek())}`, peek().pos);
  return node;
}

/** Every parameter the expression reads, in order of appearance. */
export function celParameterNames(node: CelNode): string[] {
  switch (node.kind) {
    case 'param':
      return [node.name];
    case 'call':
    case 'not':
    case 'neg':
      return celParameterNames(node.arg);
    case 'rel':
    case 'and':
    case 'or':
      return [...celParameterNames(node.left), ...celParameterNames(node.right)];
    default:
      return [];
  }
}

function describe(t: Token): string {
  switch (t.type) {
    case 'end':
      return 'end of expression';
    case 'ident':
    case 'punct':
      return `'${t.text}'`;
    case 'string':
      return `string '${t.value}'`;
    default:
      return `number ${t.value}`;
  }
}
