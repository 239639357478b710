import { CtpipeError } from '@ctpipe/errors';

export interface Token {
  kind: 'ident' | 'number' | 'string' | 'symbol';
  /** The source text; for strings, the decoded value. */
  text: string;
  line: number;
  column: number;
}

export interface SourceInfo {
  file: string | undefined;
}

export function textFormatError(
  source: SourceInfo,
  line: number,
  column: number,
  message: string,
  extra = {},
) {
  const where = `${source.file ?? 'schema'}:${line}:${column}`;
  return new CtpipeError('BAD_CONFIG', `${where}: ${message}`, {
    details: { file: source.file, line, column: String(column), ...extra },
  });
}

const IDENT = /[A-Za-z_][A-Za-z0-9_]*/y;
const NUMBER = /(?:0[xX][0-9a-fA-F]+|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?[fF]?)(?![A-Za-z0-9_])/y;
const SYMBOLS = new Set(['{', '}', '<', '>', ':', ',', ';', '[', ']', '-']);

/** Splits protobuf text format into tokens with 1-based line/column; `#` starts a comment. */
export function tokenize(text: string, source: SourceInfo): Token[] {
  const tokens: Token[] = [];
  let pos = 0;
  let line = 1;
  let lineStart = 0;
  while (pos < text.length) {
    const ch = text[pos]!;
    const column = pos - lineStart + 1;
    if (ch === '\n') {
      pos++;
      line++;
      lineStart = pos;
    } else if (ch === ' ' || ch === '\t' || ch === '\r') {
      pos++;
    } else if (ch === '#') {
      while (pos < text.length && text[pos] !== '\n') pos++;
    } else if (ch === '"' || ch === "'") {
      const { value, end } = readString(text, pos, source, line, column);
      tokens.push({ kind: 'string', text: value, line, column });
      pos = end;
    } else if (SYMBOLS.has(ch)) {
      tokens.push({ kind: 'symbol', text: ch, line, column });
      pos++;
    } else {
      const kind = /[0-9.]/.test(ch) ? 'number' : 'ident';
      const re = kind === 'number' ? NUMBER : IDENT;
      re.lastIndex = pos;
      const match = re.exec(text);
      if (!match) throw textFormatError(source, line, column, `unexpected character ${JSON.stringify(ch)}`);
      tokens.push({ kind, text: match[0], line, column });
      pos += match[0].length;
    }
  }
  return tokens;
}

const SIMPLE_ESCAPES: Record<string, number> = {
  n: 10,
  t: 9,
  r: 13,
  a: 7,
  b: 8,
  f: 12,
  v: 11,
  '\\': 92,
  "'": 39,
  '"': 34,
  '?': 63,
};

/** A quoted string; escapes produce bytes (octal, \x) or code points (\u, \U), decoded as UTF-8 at the end. */
function readString(text: string, start: number, source: SourceInfo, line: number, column: number) {
  const quote = text[start];
  const bytes: number[] = [];
  const encoder = new TextEncoder();
  let pos = start + 1;
  const fail = (message: string) => textFormatError(source, line, column + (pos - start), message);
  while (pos < text.length && text[pos] !== quote) {
    const ch = text[pos]!;
    if (ch === '\n') throw textFormatError(source, line, column, 'unterminated string');
    if (ch !== '\\') {
      const cp = text.codePointAt(pos)!;
      bytes.push(...encoder.encode(String.fromCodePoint(cp)));
      pos += cp > 0xffff ? 2 : 1;
      continue;
    }
    const next = text[pos + 1] ?? '';
    const ahead = text.slice(pos + 1, pos + 10);
    const octal = /^[0-7]{1,3}/.exec(ahead)?.[0];
    const hex = /^x[0-9a-fA-F]{1,2}/.exec(ahead)?.[0];
    const unicode = /^(?:u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8})/.exec(ahead)?.[0];
    if (next in SIMPLE_ESCAPES) {
      bytes.push(SIMPLE_ESCAPES[next]!);
      pos += 2;
    } else if (octal) {
      bytes.push(Number.parseInt(octal, 8) & 0xff);
      pos += 1 + octal.length;
    } else if (hex) {
      bytes.push(Number.parseInt(hex.slice(1), 16));
      pos += 1 + hex.length;
    } else if (unicode) {
      const cp = Number.parseInt(unicode.slice(1), 16);
      if (cp > 0x10ffff) throw fail(`invalid code point "\\${unicode}"`);
      bytes.push(...encoder.encode(String.fromCodePoint(cp)));
      pos += 1 + unicode.length;
    } else {
      throw fail(`invalid escape sequence "\\${next}"`);
    }
  }
  if (pos >= text.length) throw textFormatError(source, line, column, 'unterminated string');
  try {
    return { value: new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array(bytes)), end: pos + 1 };
  } catch {
    throw textFormatError(source, line, column, 'string is not valid UTF-8');
  }
}
