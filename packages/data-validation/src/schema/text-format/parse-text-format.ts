import type { FieldDescriptor, MessageDescriptor } from './descriptors.js';
import { type Converted, doubleFromText, enumFromValue, int64FromText } from './scalar-values.js';
import { type SourceInfo, type Token, textFormatError, tokenize } from './tokenize.js';

type Message = Record<string, unknown>;

/** Parses protobuf text format into the JSON form of `descriptor`'s message; errors carry line and column. */
export function parseTextFormat(text: string, descriptor: MessageDescriptor, source: SourceInfo): Message {
  const lines = text.split('\n');
  const end = { line: lines.length, column: (lines[lines.length - 1]?.length ?? 0) + 1 };
  const parser = new TextFormatParser(tokenize(text, source), source, end);
  return parser.message(descriptor, undefined);
}

class TextFormatParser {
  private index = 0;

  constructor(
    private readonly tokens: Token[],
    private readonly source: SourceInfo,
    private readonly end: { line: number; column: number },
  ) {}

  message(descriptor: MessageDescriptor, close: '}' | '>' | undefined): Message {
    const out: Message = {};
    for (;;) {
      const token = this.peek();
      if (token === undefined) {
        if (close) throw this.errorAtEnd(`expected "${close}" to close ${descriptor.name}`);
        return out;
      }
      if (close && this.isSymbol(token, close)) {
        this.index++;
        return out;
      }
      if (token.kind !== 'ident') throw this.error(token, `expected a field name, found ${describe(token)}`);
      this.index++;
      const field = descriptor.fields.find((f) => f.name === token.text);
      if (!field) {
        throw this.error(token, `unknown field "${token.text}" in ${descriptor.name}`, {
          expected: descriptor.fields.map((f) => f.name).join(', '),
          found: token.text,
        });
      }
      this.assign(out, descriptor, field, token, this.fieldValues(field, token));
      const separator = this.peek();
      if (separator && (this.isSymbol(separator, ',') || this.isSymbol(separator, ';'))) this.index++;
    }
  }

  private fieldValues(field: FieldDescriptor, name: Token): unknown[] {
    const isMessage = field.kind === 'message';
    const colon = this.peek();
    if (colon && this.isSymbol(colon, ':')) this.index++;
    else if (!isMessage) throw this.error(colon ?? name, `expected ":" after "${field.name}"`);
    const next = this.peek();
    if (next && this.isSymbol(next, '[')) {
      if (!field.repeated)
        throw this.error(next, `"${field.name}" is not a repeated field; it takes a single value`);
      this.index++;
      return this.list(() => this.single(field));
    }
    return [this.single(field)];
  }

  private list(item: () => unknown): unknown[] {
    const values: unknown[] = [];
    for (;;) {
      const token = this.peek();
      if (token && this.isSymbol(token, ']')) {
        this.index++;
        return values;
      }
      if (values.length > 0) {
        if (!token || !this.isSymbol(token, ','))
          throw token ? this.error(token, 'expected "," or "]"') : this.errorAtEnd('expected "]"');
        this.index++;
      }
      values.push(item());
    }
  }

  private single(field: FieldDescriptor): unknown {
    if (field.kind === 'message' && field.message) {
      const open = this.next(`"{" to open ${field.name}`);
      if (!this.isSymbol(open, '{') && !this.isSymbol(open, '<'))
        throw this.error(open, `expected "{" after "${field.name}", found ${describe(open)}`);
      return this.message(field.message(), open.text === '{' ? '}' : '>');
    }
    if (field.kind === 'string') return this.string(field);
    const negative = this.peek()?.kind === 'symbol' && this.peek()?.text === '-';
    if (negative) this.index++;
    const token = this.next(`a value for "${field.name}"`);
    const converted = this.convert(field, token, negative);
    if ('error' in converted) {
      throw this.error(token, `expected ${converted.error} for "${field.name}", found ${describe(token)}`, {
        expected: converted.error,
        found: token.text,
      });
    }
    return converted.value;
  }

  private convert(field: FieldDescriptor, token: Token, negative: boolean): Converted {
    if (token.kind === 'string' || token.kind === 'symbol') return { error: expectedFor(field) };
    switch (field.kind) {
      case 'int64':
        return token.kind === 'number' ? int64FromText(token.text, negative) : { error: 'an integer' };
      case 'double':
      case 'float':
        return doubleFromText(token.text, negative);
      case 'bool':
        if (!negative && ['true', 'True', 't', '1'].includes(token.text)) return { value: true };
        if (!negative && ['false', 'False', 'f', '0'].includes(token.text)) return { value: false };
        return { error: 'true or false' };
      default: {
        if (token.kind === 'ident' && !negative) return enumFromValue(field, token.text);
        const number = int64FromText(token.text, negative);
        return 'value' in number ? enumFromValue(field, Number(number.value)) : enumFromValue(field, '');
      }
    }
  }

  private string(field: FieldDescriptor): string {
    const first = this.next(`a string for "${field.name}"`);
    if (first.kind !== 'string')
      throw this.error(first, `expected a quoted string for "${field.name}", found ${describe(first)}`);
    let value = first.text;
    // Adjacent literals concatenate, as in C.
    while (this.peek()?.kind === 'string') value += this.next('').text;
    return value;
  }

  private assign(
    out: Message,
    descriptor: MessageDescriptor,
    field: FieldDescriptor,
    at: Token,
    values: unknown[],
  ): void {
    if (field.repeated) {
      const existing = (out[field.json] as unknown[] | undefined) ?? [];
      out[field.json] = [...existing, ...values];
      return;
    }
    if (field.json in out)
      throw this.error(at, `"${field.name}" is set twice in ${descriptor.name}; it takes one value`);
    const rival = descriptor.fields.find(
      (f) => f !== field && f.oneof !== undefined && f.oneof === field.oneof && f.json in out,
    );
    if (rival) {
      throw this.error(
        at,
        `"${field.name}" and "${rival.name}" are both set in ${descriptor.name}, which takes only one of them (oneof ${field.oneof})`,
      );
    }
    out[field.json] = values[0];
  }

  private peek(): Token | undefined {
    return this.tokens[this.index];
  }

  private next(expected: string): Token {
    const token = this.tokens[this.index++];
    if (!token) throw this.errorAtEnd(`expected ${expected}, found the end of the text`);
    return token;
  }

  private isSymbol(token: Token, symbol: string): boolean {
    return token.kind === 'symbol' && token.text === symbol;
  }

  private error(token: Token, message: string, extra = {}) {
    return textFormatError(this.source, token.line, token.column, message, extra);
  }

  private errorAtEnd(message: string) {
    return textFormatError(this.source, this.end.line, this.end.column, message);
  }
}

function describe(token: Token): string {
  return token.kind === 'string' ? `the string ${JSON.stringify(token.text)}` : `"${token.text}"`;
}

function expectedFor(field: FieldDescriptor): string {
  if (field.kind === 'int64') return 'an integer';
  if (field.kind === 'double' || field.kind === 'float') return 'a number';
  if (field.kind === 'bool') return 'true or false';
  return `one of ${Object.keys(field.enumValues ?? {}).join(', ')}`;
}
