import { CtpipeError } from '@ctpipe/errors';

// GCP label rules (resource-manager "labels overview"): at most 64; keys start with a lower-case letter; keys and
// values use lower-case letters, digits, _ and -, 63 characters at most (international lower-case letters allowed).
const KEY = /^[\p{Ll}\p{Lo}][\p{Ll}\p{Lo}\p{N}_-]{0,62}$/u;
const VALUE = /^[\p{Ll}\p{Lo}\p{N}_-]{0,63}$/u;
const MAX_LABELS = 64;

/** Returns the labels when every one follows GCP's rules; otherwise a BAD_INPUT naming the first that does not. */
export function validateLabels(labels: Record<string, string>): Record<string, string> {
  const entries = Object.entries(labels);
  if (entries.length > MAX_LABELS) {
    throw new CtpipeError('BAD_INPUT', `at most ${MAX_LABELS} labels, got ${entries.length}`, {
      details: { expected: `≤ ${MAX_LABELS} labels`, found: String(entries.length) },
    });
  }
  for (const [key, value] of entries) {
    if (!KEY.test(key)) {
      throw new CtpipeError(
        'BAD_INPUT',
        `label key '${key}' is invalid: 1–63 lower-case letters, digits, _ or -, starting with a letter`,
        { details: { label: key, expected: KEY.source, found: key } },
      );
    }
    if (!VALUE.test(value)) {
      throw new CtpipeError(
        'BAD_INPUT',
        `label '${key}' has an invalid value '${value}': at most 63 lower-case letters, digits, _ or -`,
        { details: { label: key, expected: VALUE.source, found: value } },
      );
    }
  }
  return labels;
}
