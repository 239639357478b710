import { CtpipeError } from '@ctpipe/errors';

export interface CompiledGlob {
  /** The text before the first wildcard: an object store lists this prefix, then filters. */
  literalPrefix: string;
  /** Whether `**` appears, i.e. whether a match may lie any number of segments below literalPrefix. */
  crossesSegments: boolean;
  matches(path: string): boolean;
}

const WILDCARD = /[*?]/;

export function hasWildcard(text: string): boolean {
  return WILDCARD.test(text);
}

/**
 * Compiles a glob over `/`-separated keys or paths: `*` is any run of characters within one segment, `?` one
 * character other than `/`, and `**` as a whole segment any number of segments, zero included (`a/**\/b`
 * matches `a/b`). Everything else, `[` and `{` included, is literal.
 */
export function compileGlob(pattern: string): CompiledGlob {
  const first = pattern.search(WILDCARD);
  const literalPrefix = first === -1 ? pattern : pattern.slice(0, first);
  const regex = new RegExp(`^${translate(pattern)}$`, 's');
  return {
    literalPrefix,
    crossesSegments: pattern.includes('**'),
    matches: (path) => regex.test(path),
  };
}

function translate(pattern: string): string {
  const segments = pattern.split('/');
  let out = '';
  segments.forEach((segment, i) => {
    const isLast = i === segments.length - 1;
    if (segment === '**') {
      // `**/` may match nothing, so the separator is part of the optional group; a trailing `**` matches any rest.
      out += isLast ? '.*' : '(?:[^/]*/)*';
      return;
    }
    if (segment.includes('**')) {
      throw new CtpipeError('BAD_INPUT', `'**' must be a whole path segment in glob ${pattern}`, {
        details: { path: pattern, expected: 'a/**/b or a/**', found: segment },
      });
    }
    out += translateSegment(segment) + (isLast ? '' : '/');
  });
  return out;
}

function translateSegment(segment: string): string {
  let out = '';
  for (const ch of segment) {
    if (ch === '*') out += '[^/]*';
    else if (ch === '?') out += '[^/]';
    else out += ch.replace(/[\\^$.|+()[\]{}]/g, '\\$&');
  }
  return out;
}
