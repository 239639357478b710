import path from 'node:path';
import { listFiles, localPath, spanPatternMatcher } from '@ctpipe/data';
import { CtpipeError } from '@ctpipe/errors';

export interface ResolvedSpan {
  span: number;
  /** Set when the pattern has {VERSION}: the latest version within the span. */
  version?: number;
  files: string[];
}

/**
 * TFX's span/version resolution over files: `{SPAN}` and `{VERSION}` match digits; the latest span is taken
 * unless one is asked for, then the latest version within it. Without `{SPAN}` everything matched is span 0.
 */
export async function resolveSpan(pattern: string, wanted: number): Promise<ResolvedSpan> {
  const local = path.normalize(localPath(pattern));
  if (!local.includes('{SPAN}')) {
    if (local.includes('{VERSION}')) {
      throw new CtpipeError('BAD_CONFIG', `input_pattern has {VERSION} but no {SPAN}: ${pattern}`, {
        details: { path: pattern },
      });
    }
    if (wanted > 0) {
      throw new CtpipeError(
        'BAD_CONFIG',
        `span ${wanted} was asked for, but input_pattern has no {SPAN}: ${pattern}`,
        {
          details: { path: pattern },
        },
      );
    }
    return { span: 0, files: await listFiles(pattern) };
  }

  const matcher = spanPatternMatcher(local);
  const candidates = await listFiles(matcher.glob).catch((err: unknown) => {
    throw err instanceof CtpipeError && err.code === 'NOT_FOUND' ? noSpan(pattern) : err;
  });
  const matched = candidates.flatMap((file) => {
    const m = matcher.match(file);
    return m ? [{ file, ...m }] : [];
  });
  const spans = [...new Set(matched.map((m) => m.span))].sort((a, b) => a - b);
  if (spans.length === 0) throw noSpan(pattern);
  const span = wanted >= 0 ? wanted : (spans.at(-1) as number);
  const inSpan = matched.filter((m) => m.span === span);
  if (inSpan.length === 0) {
    throw new CtpipeError(
      'NOT_FOUND',
      `span ${span} not found for ${pattern}; spans found: ${spans.join(', ')}`,
      {
        details: { path: pattern, expected: String(span), found: spans.join(', ') },
      },
    );
  }
  if (!matcher.hasVersion) return { span, files: inSpan.map((m) => m.file) };
  const version = Math.max(...inSpan.map((m) => m.version ?? 0));
  return { span, version, files: inSpan.filter((m) => m.version === version).map((m) => m.file) };
}

function noSpan(pattern: string): CtpipeError {
  return new CtpipeError('NOT_FOUND', `no file matches ${pattern} (with {SPAN} as digits)`, {
    details: { path: pattern },
  });
}
