import { type SpanMatch, spanPatternMatcher } from '@ctpipe/data';
import { CtpipeError } from '@ctpipe/errors';

export type { SpanMatch };

export interface SpanPattern {
  /** The pattern with {SPAN}/{VERSION} as `*`: what to list. */
  glob: string;
  hasVersion: boolean;
  /** The span (and version) of a listed file, or undefined when it does not fit the pattern. */
  match(uri: string): SpanMatch | undefined;
}

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
  const matcher = spanPatternMatcher(pattern);
  return {
    glob: matcher.glob,
    hasVersion: matcher.hasVersion,
    match(uri) {
      if (uri.split('/').some((segment) => segment.startsWith('.') || segment.startsWith('_')))
        return undefined;
      return matcher.match(uri);
    },
  };
}
