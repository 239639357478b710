import { globRegExpSource } from '@ctpipe/data';
import { CtpipeError } from '@ctpipe/errors';

export interface SpanMatch {
  span: number;
  version?: number;
}

export interface SpanPattern {
  /** The pattern with {SPAN}/{VERSION} as `*`: what to list. */
  glob: string;
  hasVersion: boolean;
  /** The span (and version) of a listed file, or undefined when it does not fit the pattern. */
  match(uri: string): SpanMatch | undefined;
}

const PLACEHOLDER = /(\{SPAN\}|\{VERSION\})/;

/**
 * extract's span resolution, read the same way (TFX's): `{SPAN}` and `{VERSION}` match digits, the rest is a glob;
 * a repeated placeholder must agree with itself. Hidden files (`.x.partial`) and `_SUCCESS`-style markers are not data.
 */
export function parseSpanPattern(pattern: string): SpanPattern {
  if (!pattern.includes('{SPAN}')) {
    throw new CtpipeError('BAD_CONFIG', `new-data trigger: input_pattern has no {SPAN}: ${pattern}`, {
      details: {
        path: 'parameters.input_pattern',
        expected: 'a pattern with {SPAN}, e.g. data/span-{SPAN}/*.csv',
        found: pattern,
      },
    });
  }
  const pieces = pattern.split(PLACEHOLDER);
  const names: string[] = [];
  const source = pieces
    .map((piece) => {
      if (piece === '{SPAN}' || piece === '{VERSION}') {
        names.push(piece);
        return '(\\d+)';
      }
      return globRegExpSource(piece);
    })
    .join('');
  const re = new RegExp(`^${source}$`);
  return {
    glob: pattern.replaceAll('{SPAN}', '*').replaceAll('{VERSION}', '*'),
    hasVersion: pattern.includes('{VERSION}'),
    match(uri) {
      if (uri.split('/').some((segment) => segment.startsWith('.') || segment.startsWith('_')))
        return undefined;
      const m = re.exec(uri);
      if (!m) return undefined;
      const values = (name: string) =>
        new Set(names.flatMap((n, i) => (n === name ? [Number(m[i + 1])] : [])));
      const spans = values('{SPAN}');
      const versions = values('{VERSION}');
      if (spans.size !== 1 || versions.size > 1) return undefined;
      const [span] = spans as Set<number>;
      const [version] = versions;
      return version === undefined ? { span: span as number } : { span: span as number, version };
    },
  };
}
