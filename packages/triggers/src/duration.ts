import { CtpipeError } from '@ctpipe/errors';
import { DURATION_PATTERN } from '@ctpipe/settings';

const UNIT_MS = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000 } as const;

/** "500ms", "5s", "1m", "2h" → milliseconds (settings' poll_interval, `--poll-interval`). */
export function parseDuration(text: string, what = 'duration'): number {
  const m = DURATION_PATTERN.exec(text.trim());
  if (!m) {
    throw new CtpipeError(
      'BAD_INPUT',
      `${what}: expected a duration such as "5s", "1m" or "500ms", got "${text}"`,
      {
        details: { path: what, expected: '<number>ms|s|m|h', found: text },
      },
    );
  }
  const ms = Number(m[1]) * UNIT_MS[m[2] as keyof typeof UNIT_MS];
  if (ms <= 0) {
    throw new CtpipeError('BAD_INPUT', `${what} must be longer than 0`, {
      details: { path: what, expected: 'more than 0', found: text },
    });
  }
  return ms;
}
