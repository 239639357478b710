import { globRegExpSource } from './files.js';

/** The span (and version, when the pattern has `{VERSION}`) a path was written for. */
export interface SpanMatch {
  span: number;
  version?: number;
}

export interface SpanPatternMatcher {
  /** The pattern with `{SPAN}`/`{VERSION}` as `*`: what to list. */
  readonly glob: string;
  readonly hasVersion: boolean;
  /** The span (and version) of a path, or undefined when it does not fit the pattern. */
  match(path: string): SpanMatch | undefined;
}

const PLACEHOLDER = /(\{SPAN\}|\{VERSION\})/;

/**
 * Reads an input pattern the way TFX does: `{SPAN}` and `{VERSION}` match digits, the rest is a glob. A
 * pattern may repeat a placeholder (span-{SPAN}/part-{SPAN}.csv); the repeats must agree. Without `{SPAN}`
 * nothing matches, since no span can be read (callers decide what such a pattern means).
 */
export function spanPatternMatcher(pattern: string): SpanPatternMatcher {
  const names: string[] = [];
  const source = pattern
    .split(PLACEHOLDER)
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
    match(path) {
      const m = re.exec(path);
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
